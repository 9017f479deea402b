package dev.agentlocator.billing.allocation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param stuckAfter an invoice awaiting its allocation number longer than this is flagged as overdue
 * @param firstRetry the wait after the first unsettled attempt; it doubles with every further one
 * @param maxRetry the longest wait between two attempts
 * @param lease how long one attempt holds an invoice; a worker that died is replaced after it
 * @param sweep how often the background worker looks for due attempts
 */
@ConfigurationProperties("agentlocator.billing.allocation")
public record AllocationProperties(
        @DefaultValue("PT4H") Duration stuckAfter,
        @DefaultValue("PT30S") Duration firstRetry,
        @DefaultValue("PT1H") Duration maxRetry,
        @DefaultValue("PT2M") Duration lease,
        @DefaultValue("PT15S") Duration sweep) {

    public AllocationProperties {
        for (Duration d : new Duration[] {stuckAfter, firstRetry, maxRetry, lease, sweep}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalStateException("agentlocator.billing.allocation durations must be positive");
            }
        }
    }

    /** The wait before attempt {@code attempt + 1}: doubling from {@link #firstRetry}, capped. */
    public Duration backoff(int attempt, Duration providerHint) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempt && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        if (providerHint != null && providerHint.compareTo(wait) > 0) {
            wait = providerHint;
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
