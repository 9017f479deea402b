package dev.agentlocator.telephony.customers;

import dev.agentlocator.telephony.common.Config;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * crm-service's internal resolve endpoint (ADR 0004).
 *
 * @param baseUrl {@code lb://crm-service} goes through Eureka; a plain URL is called as is
 * @param timeout per resolve call; the caller is waiting on the line
 * @param relinkInterval how often calls stored without a customer are resolved again
 * @param maxLinkAttempts after this many failed resolves a call waits for crm's events only
 * @param clientSecret {@code TELEPHONY_CLIENT_SECRET}, this service's own credential at crm-service's
 *     token endpoint (ADR 0021); without it no caller is resolved while Twilio waits
 */
@ConfigurationProperties("agentlocator.telephony.crm")
public record CrmProperties(
        @DefaultValue("lb://crm-service") String baseUrl,
        @DefaultValue("1500ms") Duration timeout,
        @DefaultValue("30s") Duration relinkInterval,
        @DefaultValue("20") int maxLinkAttempts,
        String clientSecret) {

    public CrmProperties {
        baseUrl = Config.withoutTrailingSlash(baseUrl);
    }
}
