package dev.agentlocator.tasks.callbacks;

import java.time.Duration;
import java.util.UUID;

/**
 * A tenant's call-back rule (ADR 0027): how soon a call is answered in business time, who is on
 * duty when the customer has no owner, and the business hours.
 */
record CallbackSettings(int responseMinutes, UUID onDutyUserId, BusinessHours hours) {

    static final int DEFAULT_RESPONSE_MINUTES = 15;

    static CallbackSettings defaults() {
        return new CallbackSettings(DEFAULT_RESPONSE_MINUTES, null, BusinessHours.israeliDefault());
    }

    Duration responseTime() {
        return Duration.ofMinutes(responseMinutes);
    }
}
