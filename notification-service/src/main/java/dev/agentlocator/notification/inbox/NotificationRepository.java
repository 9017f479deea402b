package dev.agentlocator.notification.inbox;

import dev.agentlocator.notification.TaskDueAlert;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every statement filters by tenant and user: an alert is only ever its recipient's. */
@Repository
class NotificationRepository {

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(TaskDueAlert alert) {
        jdbc.sql("""
                        insert into notification (id, tenant_id, user_id, type, title, task_id, customer_id,
                                                  customer_name, customer_phone, due_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing
                        """)
                .param(alert.id())
                .param(alert.tenantId())
                .param(alert.assigneeId())
                .param(TaskDueAlert.MESSAGE_TYPE)
                .param(alert.title())
                .param(alert.taskId())
                .param(alert.customerId())
                .param(alert.customerName())
                .param(alert.customerPhone())
                .param(alert.dueAt())
                .update();
    }

    List<Notification> latest(UUID tenantId, UUID userId, int limit) {
        return jdbc.sql("""
                        select id, type, title, task_id, customer_id, customer_name, customer_phone, due_at,
                               created_at, read_at
                        from notification where tenant_id = ? and user_id = ?
                        order by created_at desc, id limit ?
                        """)
                .param(tenantId)
                .param(userId)
                .param(limit)
                .query((rs, i) -> {
                    String title = rs.getString("title");
                    OffsetDateTime readAt = rs.getObject("read_at", OffsetDateTime.class);
                    return new Notification(
                            rs.getObject("id", UUID.class),
                            rs.getString("type"),
                            title,
                            "הגיע מועד המשימה: " + title,
                            rs.getObject("task_id", UUID.class),
                            rs.getObject("customer_id", UUID.class),
                            rs.getString("customer_name"),
                            rs.getString("customer_phone"),
                            rs.getObject("due_at", OffsetDateTime.class),
                            rs.getObject("created_at", OffsetDateTime.class),
                            readAt,
                            readAt != null);
                })
                .list();
    }

    long unread(UUID tenantId, UUID userId) {
        return jdbc.sql("select count(*) from notification where tenant_id = ? and user_id = ? and read_at is null")
                .param(tenantId)
                .param(userId)
                .query(Long.class)
                .single();
    }

    /** @return whether the notification exists for this user (read before or now) */
    boolean markRead(UUID tenantId, UUID userId, UUID id) {
        return jdbc.sql("""
                        update notification set read_at = coalesce(read_at, now())
                        where tenant_id = ? and user_id = ? and id = ?
                        """).param(tenantId).param(userId).param(id).update() == 1;
    }

    int markAllRead(UUID tenantId, UUID userId) {
        return jdbc.sql("""
                        update notification set read_at = now()
                        where tenant_id = ? and user_id = ? and read_at is null
                        """).param(tenantId).param(userId).update();
    }
}
