package dev.agentlocator.notification.rules;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the rules need to know of other services' data, kept from their events: customers' owners
 * ({@code crm.customer.v1}), the tenant's users ({@code crm.user.v1}, ADR 0016) and each task's
 * assignee. The newest event wins; an older one arriving late changes nothing.
 */
@Repository
class ReadModelRepository {

    record Customer(UUID ownerId, String name, String phone) {}

    /** The task's assignee before an event: {@code known} false when the task was never seen. */
    record PreviousAssignee(boolean known, UUID assigneeId) {}

    private final JdbcClient jdbc;

    ReadModelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void upsertCustomer(UUID tenantId, UUID customerId, UUID ownerId, String name, String phone, OffsetDateTime at) {
        jdbc.sql("""
                        insert into customer_owner (tenant_id, customer_id, owner_id, name, phone, updated_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, customer_id) do update
                        set owner_id = excluded.owner_id, name = excluded.name, phone = excluded.phone,
                            updated_at = excluded.updated_at
                        where customer_owner.updated_at <= excluded.updated_at
                        """)
                .param(tenantId)
                .param(customerId)
                .param(ownerId)
                .param(name)
                .param(phone)
                .param(at)
                .update();
    }

    void deleteCustomer(UUID tenantId, UUID customerId) {
        jdbc.sql("delete from customer_owner where tenant_id = ? and customer_id = ?")
                .param(tenantId)
                .param(customerId)
                .update();
    }

    Optional<Customer> customer(UUID tenantId, UUID customerId) {
        return jdbc.sql("select owner_id, name, phone from customer_owner where tenant_id = ? and customer_id = ?")
                .param(tenantId)
                .param(customerId)
                .query((rs, i) ->
                        new Customer(rs.getObject("owner_id", UUID.class), rs.getString("name"), rs.getString("phone")))
                .optional();
    }

    void upsertUser(UUID tenantId, UUID userId, String role, boolean active, OffsetDateTime at) {
        jdbc.sql("""
                        insert into app_user (tenant_id, id, role, active, updated_at) values (?, ?, ?, ?, ?)
                        on conflict (tenant_id, id) do update
                        set role = excluded.role, active = excluded.active, updated_at = excluded.updated_at
                        where app_user.updated_at <= excluded.updated_at
                        """)
                .param(tenantId)
                .param(userId)
                .param(role)
                .param(active)
                .param(at)
                .update();
    }

    boolean isActiveUser(UUID tenantId, UUID userId) {
        return jdbc.sql("select exists (select 1 from app_user where tenant_id = ? and id = ? and active)")
                .param(tenantId)
                .param(userId)
                .query(Boolean.class)
                .single();
    }

    List<UUID> activeOwners(UUID tenantId) {
        return jdbc.sql("select id from app_user where tenant_id = ? and role = 'owner' and active order by id")
                .param(tenantId)
                .query(UUID.class)
                .list();
    }

    /** Records the task's assignee and answers the one it had before. */
    PreviousAssignee replaceAssignee(UUID tenantId, UUID taskId, UUID assigneeId, OffsetDateTime at) {
        PreviousAssignee before = jdbc.sql("""
                        select assignee_id from task_assignee where tenant_id = ? and task_id = ? for update
                        """)
                .param(tenantId)
                .param(taskId)
                .query((rs, i) -> new PreviousAssignee(true, rs.getObject("assignee_id", UUID.class)))
                .optional()
                .orElse(new PreviousAssignee(false, null));
        jdbc.sql("""
                        insert into task_assignee (tenant_id, task_id, assignee_id, updated_at) values (?, ?, ?, ?)
                        on conflict (tenant_id, task_id) do update
                        set assignee_id = excluded.assignee_id, updated_at = excluded.updated_at
                        where task_assignee.updated_at <= excluded.updated_at
                        """).param(tenantId).param(taskId).param(assigneeId).param(at).update();
        return before;
    }
}
