package dev.agentlocator.notification.push;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PushSubscriptionRepository {

    private final JdbcClient jdbc;

    PushSubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An endpoint is one browser: subscribing it again (maybe as another user) replaces the old row. */
    UUID upsert(UUID tenantId, UUID userId, String endpoint, String p256dh, String auth) {
        return jdbc.sql("""
                        insert into push_subscription (id, tenant_id, user_id, endpoint, p256dh, auth)
                        values (:id, :tenant, :user, :endpoint, :p256dh, :auth)
                        on conflict (endpoint) do update
                            set tenant_id = excluded.tenant_id, user_id = excluded.user_id,
                                p256dh = excluded.p256dh, auth = excluded.auth, created_at = now()
                        returning id
                        """)
                .param("id", UUID.randomUUID())
                .param("tenant", tenantId)
                .param("user", userId)
                .param("endpoint", endpoint)
                .param("p256dh", p256dh)
                .param("auth", auth)
                .query(UUID.class)
                .single();
    }

    int delete(UUID tenantId, UUID userId, String endpoint) {
        return jdbc.sql("delete from push_subscription where tenant_id = ? and user_id = ? and endpoint = ?")
                .param(tenantId)
                .param(userId)
                .param(endpoint)
                .update();
    }

    void deleteById(UUID id) {
        jdbc.sql("delete from push_subscription where id = ?").param(id).update();
    }

    List<PushSubscription> findByUser(UUID tenantId, UUID userId) {
        return jdbc.sql("""
                        select id, tenant_id, user_id, endpoint, p256dh, auth from push_subscription
                        where tenant_id = ? and user_id = ?
                        """)
                .param(tenantId)
                .param(userId)
                .query((rs, i) -> new PushSubscription(
                        rs.getObject("id", UUID.class),
                        rs.getObject("tenant_id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getString("endpoint"),
                        rs.getString("p256dh"),
                        rs.getString("auth")))
                .list();
    }
}
