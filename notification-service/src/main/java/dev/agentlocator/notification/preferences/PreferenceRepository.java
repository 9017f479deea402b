package dev.agentlocator.notification.preferences;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A user's notification preferences and quiet hours; every statement names tenant and user. */
@Repository
class PreferenceRepository {

    record Row(String kind, boolean bell, boolean push) {}

    private final JdbcClient jdbc;

    PreferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> kinds(UUID tenantId, UUID userId) {
        return jdbc.sql("select kind, bell, push from notification_preference where tenant_id = ? and user_id = ?")
                .param(tenantId)
                .param(userId)
                .query((rs, i) -> new Row(rs.getString("kind"), rs.getBoolean("bell"), rs.getBoolean("push")))
                .list();
    }

    Optional<Row> kind(UUID tenantId, UUID userId, String kind) {
        return jdbc.sql("""
                        select kind, bell, push from notification_preference
                        where tenant_id = ? and user_id = ? and kind = ?
                        """)
                .param(tenantId)
                .param(userId)
                .param(kind)
                .query((rs, i) -> new Row(rs.getString("kind"), rs.getBoolean("bell"), rs.getBoolean("push")))
                .optional();
    }

    void save(UUID tenantId, UUID userId, Row row) {
        jdbc.sql("""
                        insert into notification_preference (tenant_id, user_id, kind, bell, push)
                        values (?, ?, ?, ?, ?)
                        on conflict (tenant_id, user_id, kind) do update set bell = excluded.bell, push = excluded.push
                        """)
                .param(tenantId)
                .param(userId)
                .param(row.kind())
                .param(row.bell())
                .param(row.push())
                .update();
    }

    Optional<QuietHours> quietHours(UUID tenantId, UUID userId) {
        return jdbc.sql("""
                        select quiet_from, quiet_to from notification_quiet_hours
                        where tenant_id = ? and user_id = ?
                        """)
                .param(tenantId)
                .param(userId)
                .query((rs, i) -> new QuietHours(
                        rs.getObject("quiet_from", LocalTime.class), rs.getObject("quiet_to", LocalTime.class)))
                .optional();
    }

    void saveQuietHours(UUID tenantId, UUID userId, QuietHours hours) {
        if (hours == null) {
            jdbc.sql("delete from notification_quiet_hours where tenant_id = ? and user_id = ?")
                    .param(tenantId)
                    .param(userId)
                    .update();
            return;
        }
        jdbc.sql("""
                        insert into notification_quiet_hours (tenant_id, user_id, quiet_from, quiet_to)
                        values (?, ?, ?, ?)
                        on conflict (tenant_id, user_id) do update
                        set quiet_from = excluded.quiet_from, quiet_to = excluded.quiet_to
                        """)
                .param(tenantId)
                .param(userId)
                .param(hours.from())
                .param(hours.to())
                .update();
    }
}
