package io.tongban.routes.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The rule for API paths that no role rule names: an operation that exists is refused to everyone (an endpoint
 * added without its rule stays closed), while a path that names no operation is let through to an authenticated
 * caller, who then gets the honest 404.
 */
final class UnlistedOperations implements AuthorizationManager<RequestAuthorizationContext> {

    private final RequestMappingHandlerMapping operations;

    UnlistedOperations(RequestMappingHandlerMapping operations) {
        this.operations = operations;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> caller, RequestAuthorizationContext context) {
        if (exists(context.getRequest())) {
            return new AuthorizationDecision(false);
        }
        Authentication authentication = caller.get();
        return new AuthorizationDecision(authentication != null && authentication.isAuthenticated()
                && !"anonymous".equals(authentication.getName()));
    }

    private boolean exists(HttpServletRequest request) {
        try {
            return operations.getHandler(request) != null;
        } catch (Exception unmatched) {
            return true; // a path that matches with another method (405) exists; refuse rather than guess
        }
    }
}
