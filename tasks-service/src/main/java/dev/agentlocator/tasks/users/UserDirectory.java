package dev.agentlocator.tasks.users;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * tasks-service's copy of each tenant's users (name, role, active), fed by {@code crm.user.v1}:
 * what tells a colleague a task may be assigned to from another tenant's user id.
 */
@Repository
public class UserDirectory {

    private final JdbcClient jdbc;

    UserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code true} only for a user crm-service told us is active in {@code tenantId}. */
    public boolean isActiveMember(UUID tenantId, UUID userId) {
        return jdbc.sql("select exists (select 1 from app_user where tenant_id = ? and id = ? and active)")
                .param(tenantId)
                .param(userId)
                .query(Boolean.class)
                .single();
    }

    /** The tenant's longest-known active owner: whom work goes to when nobody else is named. */
    public Optional<UUID> anOwner(UUID tenantId) {
        return jdbc.sql("""
                        select id from app_user where tenant_id = ? and role = 'owner' and active
                        order by last_event_at, id limit 1
                        """).param(tenantId).query(UUID.class).optional();
    }

    /** Keeps the newest state: an event older than the one applied last changes nothing. */
    void upsert(UUID tenantId, UUID id, String name, String role, boolean active, OffsetDateTime occurredAt) {
        jdbc.sql("""
                        insert into app_user (tenant_id, id, name, role, active, last_event_at)
                        values (:tenant, :id, :name, :role, :active, :at)
                        on conflict (tenant_id, id) do update
                            set name = excluded.name, role = excluded.role, active = excluded.active,
                                last_event_at = excluded.last_event_at
                            where app_user.last_event_at <= excluded.last_event_at
                        """)
                .param("tenant", tenantId)
                .param("id", id)
                .param("name", name)
                .param("role", role)
                .param("active", active)
                .param("at", occurredAt)
                .update();
    }
}
