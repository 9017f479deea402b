package dev.agentlocator.telephony.receptionist;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The receptionist's pacing.
 *
 * @param turnDeadline how long handle_recording may take in all; Twilio gives up after 15 s, so
 *     this leaves margin for the network and the answer itself
 * @param greetingBudget how long incoming_call may spend synthesising a greeting not yet cached
 * @param minRecordingSeconds shorter recordings are "too short" and get the fallback prompt
 * @param maxTurns answered turns per call before the receptionist closes politely
 * @param sayVoice Twilio's own voice for the fixed prompts, which must work even when TTS is down
 * @param audioRetention how long generated replies stay downloadable
 */
@ConfigurationProperties("agentlocator.telephony.receptionist")
public record ReceptionistProperties(
        @DefaultValue("11s") Duration turnDeadline,
        @DefaultValue("3s") Duration greetingBudget,
        @DefaultValue("2") int minRecordingSeconds,
        @DefaultValue("4") int maxTurns,
        @DefaultValue("Google.he-IL-Standard-A") String sayVoice,
        @DefaultValue("P30D") Duration audioRetention) {

    public ReceptionistProperties {
        if (turnDeadline.compareTo(Duration.ofSeconds(14)) > 0 || turnDeadline.isNegative() || turnDeadline.isZero()) {
            throw new IllegalStateException(
                    "agentlocator.telephony.receptionist.turn-deadline must be positive and under Twilio's 15 s");
        }
        if (minRecordingSeconds < 0 || maxTurns < 1) {
            throw new IllegalStateException("agentlocator.telephony.receptionist limits must be positive");
        }
    }
}
