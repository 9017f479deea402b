package dev.agentlocator.notification.inbox;

import dev.agentlocator.notification.NewNotification;
import dev.agentlocator.notification.realtime.LiveFeed;
import dev.agentlocator.platform.kit.errors.ApiException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification centre of one user. Every change is also told to the user's open tabs over
 * the socket ({@link LiveFeed}), after it commits: a new notification with the new unread count,
 * and read marks, so that "mark all read" in one tab clears the bell in all of them.
 */
@Service
public class NotificationService {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    public static final String NEW = "notification:new";
    public static final String READ = "notification:read";

    private final NotificationRepository notifications;
    private final LiveFeed live;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, LiveFeed live, Clock clock) {
        this.notifications = notifications;
        this.live = live;
        this.clock = clock;
    }

    /**
     * Stores the notification in the recipient's bell; runs inside the idempotent consumer's
     * transaction.
     *
     * @return false when it was there already (a redelivered event)
     */
    @Transactional
    public boolean store(NewNotification notification) {
        if (!notifications.insert(notification)) {
            return false;
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", NEW);
        message.put(
                "notification",
                notifications
                        .find(notification.tenantId(), notification.userId(), notification.id())
                        .orElseThrow());
        message.put("unreadCount", notifications.unread(notification.tenantId(), notification.userId()));
        live.toUser(notification.tenantId(), notification.userId(), message);
        return true;
    }

    @Transactional(readOnly = true)
    Inbox inbox(UUID tenantId, UUID userId, int limit) {
        return new Inbox(notifications.latest(tenantId, userId, limit), notifications.unread(tenantId, userId));
    }

    @Transactional
    void markRead(UUID tenantId, UUID userId, UUID id) {
        if (!notifications.markRead(tenantId, userId, id, NotificationRepository.utc(clock.instant()))) {
            throw ApiException.notFound();
        }
        read(tenantId, userId, id);
    }

    @Transactional
    void markAllRead(UUID tenantId, UUID userId) {
        notifications.markAllRead(tenantId, userId, NotificationRepository.utc(clock.instant()));
        read(tenantId, userId, null);
    }

    private void read(UUID tenantId, UUID userId, UUID id) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", READ);
        message.put("id", id);
        message.put("all", id == null);
        message.put("unreadCount", notifications.unread(tenantId, userId));
        live.toUser(tenantId, userId, message);
    }
}
