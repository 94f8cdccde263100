package io.tongban.routes.audit;

import io.tongban.mappings.CreditCode;
import io.tongban.mappings.IdentityNumber;
import io.tongban.mappings.SubjectType;
import io.tongban.routes.api.ApiProblem;
import io.tongban.routes.api.ErrorCode;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Turns an auditor's criteria into a query: a clear identifier is validated and hashed here, and goes no further. */
@Component
class AuditSearch {

    static final int MAX_PAGE = 200;

    private final SubjectHasher hasher;

    AuditSearch(SubjectHasher hasher) {
        this.hasher = hasher;
    }

    AuditQuery query(String subjectType, String subject, String consumer, String department, String operation,
                     String outcome, String purpose, String kind, Instant from, Instant to, Long before, Integer limit) {
        int pageSize = limit == null ? 50 : limit;
        if (pageSize < 1 || pageSize > MAX_PAGE) {
            throw new ApiProblem(ErrorCode.INVALID_REQUEST, "limit must lie in [1, " + MAX_PAGE + "]");
        }
        return new AuditQuery(subjectHash(subjectType, subject), consumer, department, operation, outcome, purpose,
                kind, from, to, before, pageSize);
    }

    String subjectHash(String subjectType, String subject) {
        if (subject == null || subject.isBlank()) {
            return null;
        }
        SubjectType type = subjectType == null ? null : switch (subjectType) {
            case "PERSON" -> SubjectType.PERSON;
            case "LEGAL_ENTITY" -> SubjectType.LEGAL_ENTITY;
            default -> null;
        };
        if (type == null) {
            throw new ApiProblem(ErrorCode.INVALID_REQUEST, "a subject needs subjectType PERSON or LEGAL_ENTITY");
        }
        return hasher.hash(canonical(type, subject));
    }

    static String canonical(SubjectType type, String identifier) {
        return type == SubjectType.PERSON ? IdentityNumber.parse(identifier).value() : CreditCode.parse(identifier).value();
    }
}
