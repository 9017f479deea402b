package dev.agentlocator.telephony;

import dev.agentlocator.telephony.common.ShiftableClock;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TelephonyApplication {

    public static void main(String[] args) {
        SpringApplication.run(TelephonyApplication.class, args);
    }

    /**
     * The time rules are decided by (e.g. WhatsApp's 24-hour window); tests move it, and so can a
     * developer with {@code TELEPHONY_DEV_TOOLS=true} (never in production, see {@code DevTools}).
     */
    @Bean
    Clock clock(@Value("${agentlocator.telephony.dev-tools:false}") boolean devTools) {
        return devTools ? new ShiftableClock() : Clock.systemUTC();
    }
}
