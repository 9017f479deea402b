package dev.agentlocator.billing.contracts;

import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.web.GuardedHandlers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The {@link PublicRateLimited} handlers: found by the dispatcher's own lookup, refused if unchecked. */
@Configuration(proxyBeanMethods = false)
class PublicEndpointsConfiguration {

    @Bean
    GuardedHandlers publicEndpoints(ObjectProvider<HandlerMapping> mappings) {
        return new GuardedHandlers(PublicRateLimited.class, mappings);
    }

    @Bean
    WebMvcConfigurer publicEndpointsEnforcer(GuardedHandlers publicEndpoints) {
        var enforcer = publicEndpoints.enforcer(ApiException::forbidden);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(enforcer);
            }
        };
    }
}
