package dev.agentlocator.telephony.customers;

import dev.agentlocator.telephony.customers.CustomerDirectory.KnownCustomer;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL on {@code customer}, the local copy of crm-service's customers. */
@Repository
class CustomerRepository {

    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A live (not deleted) customer of the tenant. */
    Optional<KnownCustomer> find(UUID tenantId, UUID id) {
        return jdbc.sql("select id, name, phone from customer where tenant_id = ? and id = ? and not deleted")
                .param(tenantId)
                .param(id)
                .query((rs, i) ->
                        new KnownCustomer(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("phone")))
                .optional();
    }

    /** The tenant's live customer with this E.164 phone, the oldest when several share it. */
    Optional<KnownCustomer> findByPhone(UUID tenantId, String phone) {
        return jdbc.sql("""
                        select id, name, phone from customer
                        where tenant_id = ? and phone = ? and not deleted order by last_event_at limit 1
                        """)
                .param(tenantId)
                .param(phone)
                .query((rs, i) ->
                        new KnownCustomer(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("phone")))
                .optional();
    }

    /** Keeps the newest state: an event older than the one applied last changes nothing. */
    boolean upsert(UUID tenantId, UUID id, String name, String phone, boolean deleted, OffsetDateTime occurredAt) {
        return jdbc.sql("""
                        insert into customer (tenant_id, id, name, phone, deleted, last_event_at)
                        values (:tenant, :id, :name, :phone, :deleted, :at)
                        on conflict (tenant_id, id) do update
                            set name = excluded.name, phone = excluded.phone, deleted = excluded.deleted,
                                last_event_at = excluded.last_event_at
                            where customer.last_event_at <= excluded.last_event_at
                        """)
                        .param("tenant", tenantId)
                        .param("id", id)
                        .param("name", name)
                        .param("phone", phone)
                        .param("deleted", deleted)
                        .param("at", occurredAt)
                        .update()
                > 0;
    }
}
