package io.tongban.routes.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Records the department calls the bus makes: with the API exchange that caused them when there is one (same
 * correlation id, same consumer and purpose, written in the same group), else on their own.
 */
@Component
public class DepartmentCalls {

    /** What one department answered to one call. */
    public record Call(String department, String operation, String outcome, long latencyMs, List<String> fieldsReturned,
                       String responseDigest, String errorCode) {
    }

    private final ExchangeLog log;

    DepartmentCalls(ExchangeLog log) {
        this.log = log;
    }

    public void record(Call call) {
        ExchangeEntry entry = ExchangeContext.current()
                .map(context -> context.departmentCall(call.department(), call.operation(), call.outcome()))
                .orElseGet(() -> new ExchangeEntry(ExchangeEntry.Kind.DEPARTMENT_CALL, Instant.now(), null,
                        call.operation(), call.outcome()).department(call.department()));
        entry.fields(call.fieldsReturned(), List.of())
                .latencyMs(call.latencyMs())
                .digests(null, call.responseDigest())
                .error(call.errorCode());
        if (ExchangeContext.current().isEmpty()) {
            log.record(entry);
        }
    }
}
