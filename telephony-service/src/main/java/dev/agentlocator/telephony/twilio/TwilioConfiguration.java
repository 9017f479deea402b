package dev.agentlocator.telephony.twilio;

import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.web.GuardedHandlers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class TwilioConfiguration {

    @Bean
    GuardedHandlers twilioWebhooks(ObjectProvider<HandlerMapping> mappings) {
        return new GuardedHandlers(TwilioWebhook.class, mappings);
    }

    /**
     * On every path: the handler a request maps to, not its path, says whether it needs a signature.
     * After the correlation id filter, so refusals are logged with the request's id.
     */
    @Bean
    FilterRegistrationBean<TwilioSignatureFilter> twilioSignatureFilter(
            TwilioProperties properties,
            PublicUrls urls,
            JsonMapper json,
            GuardedHandlers twilioWebhooks,
            ObjectProvider<WebhookAccounts> accounts) {
        var registration = new FilterRegistrationBean<>(
                new TwilioSignatureFilter(properties, urls, json, twilioWebhooks, accounts.getIfAvailable()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** The webhook handlers themselves refuse a request the filter did not verify. */
    @Bean
    WebMvcConfigurer twilioWebhookEnforcer(GuardedHandlers twilioWebhooks) {
        var enforcer = twilioWebhooks.enforcer(
                () -> new ApiException(HttpStatus.FORBIDDEN, "invalid_signature", TwilioSignatureFilter.MESSAGE));
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(enforcer);
            }
        };
    }
}
