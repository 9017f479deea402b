package dev.agentlocator.notification.inbox;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Notifications are kept 90 days (ADR 0028). Deleted in batches, each its own statement, so a
 * large backlog never holds long locks or one huge transaction; any instance may run it (a row
 * deleted twice is simply not found the second time).
 */
@Component
public class NotificationPruning {

    static final int BATCH = 1000;

    private static final Logger log = LoggerFactory.getLogger(NotificationPruning.class);

    private final NotificationRepository notifications;
    private final Clock clock;
    private final Duration retention;

    NotificationPruning(
            NotificationRepository notifications,
            Clock clock,
            @Value("${agentlocator.notification.retention:P90D}") Duration retention) {
        this.notifications = notifications;
        this.clock = clock;
        this.retention = retention;
    }

    /** @return how many notifications were deleted */
    @Scheduled(cron = "${agentlocator.notification.pruning-cron:0 17 3 * * *}", zone = "Asia/Jerusalem")
    public int prune() {
        var cutoff = NotificationRepository.utc(clock.instant().minus(retention));
        int total = 0;
        int deleted;
        do {
            deleted = notifications.deleteOlderThan(cutoff, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("Pruned {} notifications older than {}", total, cutoff);
        }
        return total;
    }
}
