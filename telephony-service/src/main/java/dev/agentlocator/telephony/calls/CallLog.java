package dev.agentlocator.telephony.calls;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A call as the API lists it and as its events describe it. {@code sandbox} calls were never
 * placed (no Twilio credentials); the customer's name comes from the local read model.
 *
 * @param summary the receptionist's latest one-paragraph summary of the call (ADR 0027), if any
 */
public record CallLog(
        UUID id,
        @JsonIgnore UUID tenantId,
        UUID customerId,
        String customerName,
        String callSid,
        String from,
        String to,
        String direction,
        String status,
        Integer durationSeconds,
        String answeredBy,
        String outcome,
        String error,
        boolean sandbox,
        String agentPhone,
        OffsetDateTime createdAt,
        OffsetDateTime completedAt,
        OffsetDateTime updatedAt,
        String summary) {

    public static final String INBOUND = "inbound";
    public static final String OUTBOUND = "outbound";

    public boolean isCompleted() {
        return completedAt != null;
    }
}
