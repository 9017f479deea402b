package dev.agentlocator.telephony.calls;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One call with everything the SPA shows on its page: every status Twilio reported, and each turn
 * (what the caller said, what the receptionist answered, the details it extracted).
 *
 * @param details the lead details of all turns merged, later turns winning
 */
public record CallDetail(
        CallLog call,
        List<StatusChange> statusHistory,
        List<Turn> turns,
        String transcript,
        Map<String, Object> details) {

    public record StatusChange(String status, OffsetDateTime at) {}

    public record Turn(
            UUID id,
            String recordingSid,
            String recordingUrl,
            Integer recordingSeconds,
            String outcome,
            String transcript,
            String reply,
            String replyAudioUrl,
            Map<String, Object> details,
            String error,
            Integer providerMillis,
            Integer totalMillis,
            OffsetDateTime createdAt,
            OffsetDateTime completedAt,
            String mode,
            List<Object> toolCalls,
            Map<String, Object> timings) {}
}
