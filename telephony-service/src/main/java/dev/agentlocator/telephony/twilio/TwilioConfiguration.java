package dev.agentlocator.telephony.twilio;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class TwilioConfiguration {

    /** After the correlation id filter, so refusals are logged with the request's id. */
    @Bean
    FilterRegistrationBean<TwilioSignatureFilter> twilioSignatureFilter(
            TwilioProperties properties, PublicUrls urls, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new TwilioSignatureFilter(properties, urls, json));
        registration.addUrlPatterns(TwilioSignatureFilter.PATH_PREFIX + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
