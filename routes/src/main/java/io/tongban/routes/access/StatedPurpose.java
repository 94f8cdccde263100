package io.tongban.routes.access;

import io.tongban.routes.api.ApiProblem;
import io.tongban.routes.api.ErrorCode;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The caller and the purpose a request for subjects' data states ({@code Tongban-Purpose}), checked. */
@Component
public class StatedPurpose {

    public static final String HEADER = "Tongban-Purpose";
    private final PurposeRegistry purposes;

    public StatedPurpose(PurposeRegistry purposes) {
        this.purposes = purposes;
    }

    /** @throws ApiProblem {@code access.purpose_required} or {@code access.unknown_purpose} */
    public Purpose require(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiProblem(ErrorCode.PURPOSE_REQUIRED, "A request for subjects' data states its purpose in the "
                    + HEADER + " header (GET /api/v1/purposes lists them)");
        }
        return purposes.find(header.strip()).orElseThrow(() -> new ApiProblem(ErrorCode.UNKNOWN_PURPOSE,
                "No purpose '" + header.strip() + "' in the purpose registry (GET /api/v1/purposes lists them)"));
    }

    /** The authenticated consumer's name (its token's subject). */
    public static String consumer() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller == null ? "anonymous" : caller.getName();
    }
}
