package dev.agentlocator.billing;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What billing's features share that Spring does not provide by itself. */
@Configuration(proxyBeanMethods = false)
class BillingConfiguration {

    /** Every "now" of billing comes from here, so tests can set the date (and thresholds change by date). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
