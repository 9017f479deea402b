package dev.agentlocator.notification.realtime;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The open sockets of every instance ({@code socket_session}) and each instance's heart-beat. */
@Repository
class SocketSessionRepository {

    /** Three missed heart-beats and an instance's sessions are presumed gone. */
    private static final String ALIVE = "i.seen_at > now() - interval '30 seconds'";

    private final JdbcClient jdbc;

    SocketSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean hasOpenSocket(UUID tenantId, UUID userId) {
        return jdbc.sql("select exists (select 1 from socket_session s join socket_instance i using (instance_id)"
                        + " where s.tenant_id = ? and s.user_id = ? and " + ALIVE + ")")
                .param(tenantId)
                .param(userId)
                .query(Boolean.class)
                .single();
    }

    void beat(UUID instanceId) {
        jdbc.sql("""
                        insert into socket_instance (instance_id, seen_at) values (?, now())
                        on conflict (instance_id) do update set seen_at = now()
                        """).param(instanceId).update();
    }

    /** Forgets instances silent for long, and the sessions of instances no longer known. */
    void forgetSilentInstances() {
        jdbc.sql("delete from socket_instance where seen_at < now() - interval '10 minutes'")
                .update();
        jdbc.sql("""
                        delete from socket_session s where not exists
                            (select 1 from socket_instance i where i.instance_id = s.instance_id)
                        """).update();
    }

    void open(UUID instanceId, String sessionId, UUID tenantId, UUID userId) {
        jdbc.sql("""
                        insert into socket_session (instance_id, session_id, tenant_id, user_id)
                        values (?, ?, ?, ?) on conflict do nothing
                        """)
                .param(instanceId)
                .param(sessionId)
                .param(tenantId)
                .param(userId)
                .update();
    }

    void close(UUID instanceId, String sessionId) {
        jdbc.sql("delete from socket_session where instance_id = ? and session_id = ?")
                .param(instanceId)
                .param(sessionId)
                .update();
    }

    void forgetInstance(UUID instanceId) {
        jdbc.sql("delete from socket_session where instance_id = ?")
                .param(instanceId)
                .update();
        jdbc.sql("delete from socket_instance where instance_id = ?")
                .param(instanceId)
                .update();
    }
}
