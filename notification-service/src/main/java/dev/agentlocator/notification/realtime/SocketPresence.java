package dev.agentlocator.notification.realtime;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    /** Three missed heart-beats and an instance's sessions are presumed gone. */
    private static final String ALIVE = "i.seen_at > now() - interval '30 seconds'";

    private final JdbcClient jdbc;
    private final UUID instanceId = UUID.randomUUID();

    SocketPresence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean hasOpenSocket(UUID tenantId, UUID userId) {
        return jdbc.sql("select exists (select 1 from socket_session s join socket_instance i using (instance_id)"
                        + " where s.tenant_id = ? and s.user_id = ? and " + ALIVE + ")")
                .param(tenantId)
                .param(userId)
                .query(Boolean.class)
                .single();
    }

    @Scheduled(fixedDelay = 10_000, initialDelay = 0)
    void heartbeat() {
        try {
            beat();
            jdbc.sql("delete from socket_instance where seen_at < now() - interval '10 minutes'")
                    .update();
            jdbc.sql("""
                            delete from socket_session s where not exists
                                (select 1 from socket_instance i where i.instance_id = s.instance_id)
                            """).update();
        } catch (RuntimeException e) {
            log.warn("Socket presence heart-beat failed: {}", e.toString());
        }
    }

    @EventListener
    void connected(SessionConnectedEvent event) {
        if (event.getUser() instanceof StompPrincipal user) {
            beat();
            jdbc.sql("""
                            insert into socket_session (instance_id, session_id, tenant_id, user_id)
                            values (?, ?, ?, ?) on conflict do nothing
                            """)
                    .param(instanceId)
                    .param(SimpMessageHeaderAccessor.getSessionId(
                            event.getMessage().getHeaders()))
                    .param(user.tenantId())
                    .param(user.userId())
                    .update();
        }
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        jdbc.sql("delete from socket_session where instance_id = ? and session_id = ?")
                .param(instanceId)
                .param(event.getSessionId())
                .update();
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
                        jdbc.sql("delete from socket_session where instance_id = ?")
                                .param(instanceId)
                                .update();
                        jdbc.sql("delete from socket_instance where instance_id = ?")
                                .param(instanceId)
                                .update();
                    } catch (RuntimeException e) {
                        log.debug("Could not clear this instance's sessions at shutdown: {}", e.toString());
                    }
                },
                "socket-presence-cleanup");
        cleanup.setDaemon(true);
        cleanup.start();
        cleanup.join(2_000);
    }

    private void beat() {
        jdbc.sql("""
                        insert into socket_instance (instance_id, seen_at) values (?, now())
                        on conflict (instance_id) do update set seen_at = now()
                        """).param(instanceId).update();
    }
}
