package dev.agentlocator.notification.inbox;

import dev.agentlocator.notification.TaskDueAlert;
import dev.agentlocator.platform.kit.errors.ApiException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The notification centre of one user. */
@Service
class NotificationService {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final NotificationRepository notifications;

    NotificationService(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    /** Runs inside the idempotent consumer's transaction. */
    void store(TaskDueAlert alert) {
        notifications.insert(alert);
    }

    @Transactional(readOnly = true)
    Inbox inbox(UUID tenantId, UUID userId, int limit) {
        return new Inbox(notifications.latest(tenantId, userId, limit), notifications.unread(tenantId, userId));
    }

    @Transactional
    void markRead(UUID tenantId, UUID userId, UUID id) {
        if (!notifications.markRead(tenantId, userId, id)) {
            throw ApiException.notFound();
        }
    }

    @Transactional
    void markAllRead(UUID tenantId, UUID userId) {
        notifications.markAllRead(tenantId, userId);
    }
}
