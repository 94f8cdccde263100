package io.tongban.routes.access;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;

/**
 * Serves Spring Security's filter chain without the handler-lookup cache that Spring Security 6 puts in front of it
 * whenever Spring MVC is present. That cache filter asks every Spring MVC handler mapping which handler a request goes
 * to, so that Spring Security's MVC request matchers and MVC-derived CORS rules can ask again cheaply; this bus uses
 * neither (its rules are path patterns, it has no CORS), so the lookup only repeated the one Spring MVC makes itself:
 * about 4% of a warm person lookup's CPU. Spring Security 7 drops the cache; with it gone this does nothing.
 *
 * <p>It runs after every bean-definition registry post-processor, so after those that wrapped the chain (the cache's
 * wrapper sits inside another that parses the request path once, which stays), and puts the cache's wrapped
 * definition in its wrapper's place. A cache wrapper of another shape stops the start: an upgrade must look again.
 */
final class PlainSecurityFilterChain implements BeanFactoryPostProcessor {

    static final String CHAIN = "springSecurityFilterChain";
    private static final String CACHE_WRAPPER = "WebMvcSecurityConfiguration$CompositeFilterChainProxy";
    private static final String CACHE_FILTER = "WebMvcSecurityConfiguration$HandlerMappingIntrospectorCacheFilterFactoryBean";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
        if (factory instanceof BeanDefinitionRegistry registry && registry.containsBeanDefinition(CHAIN)) {
            BeanDefinition chain = registry.getBeanDefinition(CHAIN);
            BeanDefinition plain = withoutCache(chain);
            if (plain != chain) {
                registry.removeBeanDefinition(CHAIN);
                registry.registerBeanDefinition(CHAIN, plain);
            }
        }
    }

    /** The definition with the cache's wrapper replaced by what it wraps, wherever it sits among the wrappers. */
    private static BeanDefinition withoutCache(BeanDefinition definition) {
        List<Object> filters = wrappedFilters(definition);
        if (is(definition, CACHE_WRAPPER)) {
            if (filters.size() != 2 || !(filters.get(0) instanceof BeanDefinition cache) || !is(cache, CACHE_FILTER)
                    || !(filters.get(1) instanceof BeanDefinition wrapped)) {
                throw new IllegalStateException("Spring Security wraps its filter chain in a way this bus does not"
                        + " know: check " + PlainSecurityFilterChain.class.getName() + " against the new version");
            }
            return withoutCache(wrapped);
        }
        filters.replaceAll(filter -> filter instanceof BeanDefinition inner ? withoutCache(inner) : filter);
        return definition;
    }

    /** A wrapper's filters, its one constructor argument (a mutable list); empty for any other definition. */
    @SuppressWarnings("unchecked")
    private static List<Object> wrappedFilters(BeanDefinition definition) {
        ValueHolder argument = definition.getConstructorArgumentValues().getIndexedArgumentValue(0, List.class);
        return argument != null && argument.getValue() instanceof List<?> list ? (List<Object>) list : new ArrayList<>();
    }

    private static boolean is(BeanDefinition definition, String classNameEnd) {
        return definition.getBeanClassName() != null && definition.getBeanClassName().endsWith(classNameEnd);
    }
}
