package dev.agentlocator.notification.realtime;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Which users have a socket open on any instance. Web Push goes out from one instance (the shared
 * consumer group) while sockets live on all of them, so the sessions are kept in the database; an
 * instance that stops beating (crashed) no longer counts.
 */
@Component
public class SocketPresence implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SocketPresence.class);
    private final SocketSessionRepository sessions;
    private final UUID instanceId = UUID.randomUUID();

    SocketPresence(SocketSessionRepository sessions) {
        this.sessions = sessions;
    }

    public boolean hasOpenSocket(UUID tenantId, UUID userId) {
        return sessions.hasOpenSocket(tenantId, userId);
    }

    @Scheduled(fixedDelay = 10_000, initialDelay = 0)
    void heartbeat() {
        try {
            sessions.beat(instanceId);
            sessions.forgetSilentInstances();
        } catch (RuntimeException e) {
            log.warn("Socket presence heart-beat failed: {}", e.toString());
        }
    }

    @EventListener
    void connected(SessionConnectedEvent event) {
        if (event.getUser() instanceof StompPrincipal user) {
            sessions.beat(instanceId);
            sessions.open(
                    instanceId,
                    SimpMessageHeaderAccessor.getSessionId(event.getMessage().getHeaders()),
                    user.tenantId(),
                    user.userId());
        }
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        sessions.close(instanceId, event.getSessionId());
    }

    /**
     * Clears this instance's sessions so their users count as offline at once rather than after
     * the heart-beat window; bounded, because presence bookkeeping must never hold up a shutdown
     * (the database may already be unreachable).
     */
    @Override
    public void destroy() throws InterruptedException {
        Thread cleanup = new Thread(
                () -> {
                    try {
                        sessions.forgetInstance(instanceId);
                    } catch (RuntimeException e) {
                        log.debug("Could not clear this instance's sessions at shutdown: {}", e.toString());
                    }
                },
                "socket-presence-cleanup");
        cleanup.setDaemon(true);
        cleanup.start();
        cleanup.join(2_000);
    }
}
