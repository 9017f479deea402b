package dev.agentlocator.billing.customers;

import dev.agentlocator.platform.kit.errors.ApiException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** billing-service's copy of the tenant's customers, fed by {@code crm.customer.v1}. */
@Repository
public class CustomerDirectory {

    static final String UNKNOWN_CUSTOMER = "הלקוח לא נמצא. בחרו לקוח קיים מרשימת הלקוחות.";

    private final JdbcClient jdbc;

    CustomerDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<BillingCustomer> find(UUID tenantId, UUID id) {
        return jdbc.sql("""
                        select id, name, phone, email, vat_id from customer
                        where tenant_id = ? and id = ? and not deleted
                        """)
                .param(tenantId)
                .param(id)
                .query((rs, n) -> new BillingCustomer(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("phone"),
                        rs.getString("email"),
                        rs.getString("vat_id")))
                .optional();
    }

    /** The customer a new document is for; an id the tenant does not have is the client's mistake. */
    public BillingCustomer require(UUID tenantId, UUID id) {
        return find(tenantId, id)
                .orElseThrow(() -> new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "unknown_customer",
                        UNKNOWN_CUSTOMER,
                        Map.of("fields", Map.of("customerId", UNKNOWN_CUSTOMER))));
    }

    /** Keeps the newest state: an event older than the one applied last changes nothing. */
    void upsert(UUID tenantId, BillingCustomer c, boolean deleted, OffsetDateTime occurredAt) {
        jdbc.sql("""
                        insert into customer (tenant_id, id, name, phone, email, vat_id, deleted, last_event_at)
                        values (:tenant, :id, :name, :phone, :email, :vatId, :deleted, :at)
                        on conflict (tenant_id, id) do update
                            set name = excluded.name, phone = excluded.phone, email = excluded.email,
                                vat_id = excluded.vat_id, deleted = excluded.deleted,
                                last_event_at = excluded.last_event_at
                            where customer.last_event_at <= excluded.last_event_at
                        """)
                .param("tenant", tenantId)
                .param("id", c.id())
                .param("name", c.name())
                .param("phone", c.phone())
                .param("email", c.email())
                .param("vatId", c.vatId())
                .param("deleted", deleted)
                .param("at", occurredAt)
                .update();
    }
}
