package dev.agentlocator.notification.preferences;

import java.time.LocalTime;

/**
 * Wall-clock hours in Israel with no Web Push: from {@code from} (inclusive) until {@code to}
 * (exclusive); {@code from} after {@code to} spans midnight.
 */
public record QuietHours(LocalTime from, LocalTime to) {

    public boolean contains(LocalTime time) {
        if (from.isBefore(to)) {
            return !time.isBefore(from) && time.isBefore(to);
        }
        return !time.isBefore(from) || time.isBefore(to);
    }
}
