package dev.agentlocator.telephony.calls;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Narrows the call list: one customer, one direction, one status, an outcome ({@code answered}: the
 * receptionist answered at least once; {@code missed}: an inbound call that ended without that),
 * and a time range ({@code from} inclusive, {@code to} exclusive). Nulls mean "any".
 */
record CallFilter(
        UUID customerId, String direction, String status, String outcome, OffsetDateTime from, OffsetDateTime to) {

    static final String ANSWERED = "answered";
    static final String MISSED = "missed";

    CallFilter(UUID customerId, String direction, String status) {
        this(customerId, direction, status, null, null, null);
    }
}
