package io.tongban.routes.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's request mappings, each tried on the request's path before its other conditions, and asked before the
 * actuator's. A path with a variable in it (every lookup's) has no direct match, so Spring MVC tries every mapping on
 * the request, and it checks a mapping's method, parameters, headers, content types and accepted types (parsing media
 * types) before its path, which all but one of them fail; and the actuator's mappings, asked first, were all tried and
 * failed the same way on every API request before the bus's own were. The handler lookup took 12 µs of a warm
 * lookup's CPU (4.5%), and takes 8 µs so (bench/access.sh, profiled late in its warm-up). A mapping
 * matches only if all its conditions do, so the order of the conditions changes which are checked, not the result;
 * and no path of the bus's controllers is one of the actuator's ({@code /actuator/**}), so the order of the two
 * mappings changes which is asked first, not which answers.
 */
@Configuration(proxyBeanMethods = false)
class PathFirstRequestMappings implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new PathFirstHandlerMapping();
    }

    static final class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

        /** Ahead of the actuator's endpoint mapping (-100); Spring Boot sets the order of this one to 0 after creating it. */
        static final int ORDER = -200;

        @Override
        public int getOrder() {
            return ORDER;
        }

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
