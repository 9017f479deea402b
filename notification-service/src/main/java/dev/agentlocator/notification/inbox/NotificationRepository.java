package dev.agentlocator.notification.inbox;

import dev.agentlocator.notification.NewNotification;
import dev.agentlocator.notification.TaskDueAlert;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every statement filters by tenant and user: an alert is only ever its recipient's. */
@Repository
class NotificationRepository {

    private static final String COLUMNS = """
            id, type, title, body, link, priority, task_id, customer_id, customer_name, customer_phone, due_at,
            created_at, read_at""";

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return whether it is new (a redelivered event finds its row there already) */
    boolean insert(NewNotification n) {
        return jdbc.sql("""
                        insert into notification (id, tenant_id, user_id, type, title, body, link, priority, task_id,
                                                  customer_id, customer_name, customer_phone, due_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing
                        """)
                        .param(n.id())
                        .param(n.tenantId())
                        .param(n.userId())
                        .param(n.kind().wire())
                        .param(n.title())
                        .param(n.body())
                        .param(n.link())
                        .param(n.priority().wire())
                        .param(n.taskId())
                        .param(n.customerId())
                        .param(n.customerName())
                        .param(n.customerPhone())
                        .param(n.dueAt())
                        .param(n.createdAt())
                        .update()
                == 1;
    }

    List<Notification> latest(UUID tenantId, UUID userId, int limit) {
        return jdbc.sql("select " + COLUMNS + """

                         from notification where tenant_id = ? and user_id = ?
                         order by created_at desc, id limit ?
                        """)
                .param(tenantId)
                .param(userId)
                .param(limit)
                .query((rs, i) -> notification(rs))
                .list();
    }

    Optional<Notification> find(UUID tenantId, UUID userId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from notification where tenant_id = ? and user_id = ? and id = ?")
                .param(tenantId)
                .param(userId)
                .param(id)
                .query((rs, i) -> notification(rs))
                .optional();
    }

    private static Notification notification(ResultSet rs) throws SQLException {
        String type = rs.getString("type");
        String title = rs.getString("title");
        String body = rs.getString("body");
        OffsetDateTime readAt = rs.getObject("read_at", OffsetDateTime.class);
        return new Notification(
                rs.getObject("id", UUID.class),
                type,
                title,
                TaskDueAlert.MESSAGE_TYPE.equals(type) ? "הגיע מועד המשימה: " + title : body,
                body,
                rs.getString("link"),
                rs.getString("priority"),
                rs.getObject("task_id", UUID.class),
                rs.getObject("customer_id", UUID.class),
                rs.getString("customer_name"),
                rs.getString("customer_phone"),
                rs.getObject("due_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class),
                readAt,
                readAt != null);
    }

    long unread(UUID tenantId, UUID userId) {
        return jdbc.sql("select count(*) from notification where tenant_id = ? and user_id = ? and read_at is null")
                .param(tenantId)
                .param(userId)
                .query(Long.class)
                .single();
    }

    /** @return whether the notification exists for this user (read before or now) */
    boolean markRead(UUID tenantId, UUID userId, UUID id, OffsetDateTime now) {
        return jdbc.sql("""
                        update notification set read_at = coalesce(read_at, ?)
                        where tenant_id = ? and user_id = ? and id = ?
                        """).param(now).param(tenantId).param(userId).param(id).update() == 1;
    }

    int markAllRead(UUID tenantId, UUID userId, OffsetDateTime now) {
        return jdbc.sql("""
                        update notification set read_at = ?
                        where tenant_id = ? and user_id = ? and read_at is null
                        """).param(now).param(tenantId).param(userId).update();
    }

    /** Deletes up to {@code batch} notifications created before {@code cutoff}; returns how many. */
    int deleteOlderThan(OffsetDateTime cutoff, int batch) {
        return jdbc.sql("""
                        delete from notification where id in (
                            select id from notification where created_at < ? limit ?)
                        """).param(cutoff).param(batch).update();
    }

    static OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
