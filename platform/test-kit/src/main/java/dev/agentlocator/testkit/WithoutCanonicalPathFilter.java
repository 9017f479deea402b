package dev.agentlocator.testkit;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Switches off service-kit's canonical-path filter for one test class, so the test can prove that a
 * second layer (a guard bound to handlers) holds on its own for every spelling the dispatcher still
 * routes. Production has no such switch: there the filter always runs, in front of that layer.
 */
@TestConfiguration(proxyBeanMethods = false)
public class WithoutCanonicalPathFilter {

    @Bean
    static BeanPostProcessor disableCanonicalPathFilter() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if ("canonicalPathFilter".equals(beanName) && bean instanceof FilterRegistrationBean<?> registration) {
                    registration.setEnabled(false);
                }
                return bean;
            }
        };
    }
}
