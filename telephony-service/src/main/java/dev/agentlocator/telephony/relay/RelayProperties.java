package dev.agentlocator.telephony.relay;

import dev.agentlocator.telephony.common.Config;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The streaming receptionist (issue 24, ADR 0033).
 *
 * @param firstTokenTimeout how long a turn waits for the model's first token before the caller
 *     hears the apology and the call falls back to the record flow ({@code RELAY_FIRST_REPLY_TIMEOUT})
 * @param turnTimeout the longest a whole answer may stream
 * @param maxToolRounds model round trips in one turn (each tool answer is one more)
 */
@ConfigurationProperties("agentlocator.telephony.relay")
public record RelayProperties(
        @DefaultValue("4s") Duration firstTokenTimeout,
        @DefaultValue("20s") Duration turnTimeout,
        @DefaultValue("3") int maxToolRounds) {

    public RelayProperties {
        Config.requirePositive("agentlocator.telephony.relay.max-tool-rounds", maxToolRounds);
    }
}
