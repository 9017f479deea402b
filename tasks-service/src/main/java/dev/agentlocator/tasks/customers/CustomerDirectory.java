package dev.agentlocator.tasks.customers;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * tasks-service's copy of the customers it shows (name, phone), fed by {@code crm.customer.v1}.
 * Task queries join it directly; this class owns its writes and the one question tasks ask.
 */
@Repository
public class CustomerDirectory {

    private final JdbcClient jdbc;

    CustomerDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@code true} when crm-service told us the customer was deleted, or that it belongs to another
     * tenant. An id we have not heard of yet is accepted: its created event may still be on its
     * way, and the name fills in then.
     */
    public boolean isUnavailable(UUID tenantId, UUID customerId) {
        return jdbc.sql("select tenant_id <> :tenant or deleted from customer where id = :id")
                .param("tenant", tenantId)
                .param("id", customerId)
                .query(Boolean.class)
                .list()
                .contains(true);
    }

    /** The customer's owner as crm-service last told it; empty when none or unknown. */
    public Optional<UUID> ownerOf(UUID tenantId, UUID customerId) {
        return jdbc.sql("select owner_id from customer where tenant_id = ? and id = ? and not deleted")
                .param(tenantId)
                .param(customerId)
                .query((rs, i) -> rs.getObject("owner_id", UUID.class))
                .optional();
    }

    /** Keeps the newest state: an event older than the one applied last changes nothing. */
    void upsert(
            UUID tenantId,
            UUID id,
            String name,
            String phone,
            UUID ownerId,
            boolean deleted,
            OffsetDateTime occurredAt) {
        jdbc.sql("""
                        insert into customer (tenant_id, id, name, phone, owner_id, deleted, last_event_at)
                        values (:tenant, :id, :name, :phone, :owner, :deleted, :at)
                        on conflict (tenant_id, id) do update
                            set name = excluded.name, phone = excluded.phone, owner_id = excluded.owner_id,
                                deleted = excluded.deleted, last_event_at = excluded.last_event_at
                            where customer.last_event_at <= excluded.last_event_at
                        """)
                .param("tenant", tenantId)
                .param("id", id)
                .param("name", name)
                .param("phone", phone)
                .param("owner", ownerId)
                .param("deleted", deleted)
                .param("at", occurredAt)
                .update();
    }
}
