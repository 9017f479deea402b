package dev.agentlocator.notification.realtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app's live messages on {@code /user/queue/live}: the bell's new notifications and read
 * marks, and "changed" hints that tell a screen to refetch (ADR 0028). Whoever publishes does so
 * in its transaction; every instance hears it after the commit (PostgreSQL NOTIFY) and hands it to
 * the sockets open on it: of one user, or of every user of the tenant for a hint.
 */
@Component
public class LiveFeed implements SmartLifecycle {

    static final String DESTINATION = "/queue/live";

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final LiveFeedRepository feed;
    private final SimpMessagingTemplate messaging;
    private final SimpUserRegistry users;
    private final JsonMapper json;
    private final AtomicLong delivered = new AtomicLong();

    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    LiveFeed(
            LiveFeedRepository feed,
            @Lazy SimpMessagingTemplate messaging,
            @Lazy SimpUserRegistry users,
            JsonMapper json) {
        this.feed = feed;
        this.messaging = messaging;
        this.users = users;
        this.json = json;
    }

    /** To every session of one user, after the caller's transaction commits. */
    public void toUser(UUID tenantId, UUID userId, Map<String, Object> message) {
        publish(tenantId, userId, message);
    }

    /** To every session of every user of the tenant: hints carry ids, never content. */
    public void toTenant(UUID tenantId, Map<String, Object> message) {
        publish(tenantId, null, message);
    }

    private void publish(UUID tenantId, UUID userId, Map<String, Object> message) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("tenantId", tenantId.toString());
        envelope.put("userId", userId == null ? null : userId.toString());
        envelope.put("message", message);
        feed.notify(json.writeValueAsString(envelope));
    }

    @SuppressWarnings("unchecked")
    void deliver(String payload) {
        try {
            Map<String, Object> envelope = json.readValue(payload, Map.class);
            String tenant = (String) envelope.get("tenantId");
            Object user = envelope.get("userId");
            Object message = envelope.get("message");
            if (user != null) {
                messaging.convertAndSendToUser(
                        StompPrincipal.nameOf(UUID.fromString(tenant), UUID.fromString((String) user)),
                        DESTINATION,
                        message);
            } else {
                String prefix = tenant + ":";
                for (SimpUser connected : users.getUsers()) {
                    if (connected.getName().startsWith(prefix)) {
                        messaging.convertAndSendToUser(connected.getName(), DESTINATION, message);
                    }
                }
            }
            delivered.incrementAndGet();
        } catch (RuntimeException e) {
            log.warn("Dropped a live message: {}", e.toString());
        }
    }

    /** How many live messages this instance has handed to its sockets (tests wait on it). */
    public long delivered() {
        return delivered.get();
    }

    /** Whether this instance hears the feed now (tests wait for it before publishing). */
    public boolean listening() {
        return listening;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "live-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void listen() {
        while (running) {
            try {
                feed.listen(() -> running, () -> listening = true, this::deliver);
            } catch (Exception e) {
                listening = false;
                if (running) {
                    log.warn("Live feed connection lost, listening again in 1 s: {}", e.toString());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
