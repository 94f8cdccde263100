package io.tongban.routes.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's request mappings, each tried on the request's path before its other conditions. A path with a variable
 * in it (every lookup's) has no direct match, so Spring MVC tries every mapping of the bus on the request, and it checks
 * a mapping's method, parameters, headers, content types and accepted types (parsing media types) before its path,
 * which all but one of them fail: 3% of a warm lookup's CPU went there. A mapping matches only if all its conditions do,
 * so the order changes which ones are checked, not the result.
 */
@Configuration(proxyBeanMethods = false)
class PathFirstRequestMappings implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new PathFirstHandlerMapping();
    }

    static final class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            if (paths != null && paths.getMatchingCondition(request) == null) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }
    }
}
