package dev.agentlocator.timeline.api;

import dev.agentlocator.timeline.api.TimelineViews.TimelineItem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Reads the timeline projection: which customers it knows and their entries, newest first. */
@Repository
class TimelineReadRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TimelineReadRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Whether any event has ever named this customer in this tenant. */
    boolean knows(UUID tenantId, UUID customerId) {
        return jdbc.sql("select exists (select 1 from timeline_customer where tenant_id = ? and customer_id = ?)")
                .params(tenantId, customerId)
                .query(Boolean.class)
                .single();
    }

    /** Up to {@code fetch} entries of the customer matching the query, newest first. */
    List<TimelineItem> entries(UUID tenantId, UUID customerId, TimelineQuery query, int fetch) {
        StringBuilder sql = new StringBuilder("""
                select event_id, kind, event_type, occurred_at, title, details::text as details, reference, source_link
                  from timeline_entry
                 where tenant_id = :tenant and customer_id = :customer
                """);
        if (!query.kinds().isEmpty()) {
            sql.append(" and kind in (:kinds)");
        }
        if (query.before() != null) {
            // A row comparison is one range scan on the (occurred_at desc, event_id desc) index.
            sql.append(" and (occurred_at, event_id) < (:beforeAt, :beforeId)");
        }
        sql.append(" order by occurred_at desc, event_id desc limit :fetch");
        var statement = jdbc.sql(sql.toString())
                .param("tenant", tenantId)
                .param("customer", customerId)
                .param("fetch", fetch);
        if (!query.kinds().isEmpty()) {
            statement = statement.param("kinds", query.kindNames());
        }
        if (query.before() != null) {
            statement = statement
                    .param("beforeAt", query.before().occurredAt().atOffset(ZoneOffset.UTC))
                    .param("beforeId", query.before().eventId());
        }
        return statement.query(this::item).list();
    }

    private TimelineItem item(ResultSet rs, int row) throws SQLException {
        return new TimelineItem(
                rs.getObject("event_id", UUID.class),
                rs.getString("kind"),
                rs.getString("event_type"),
                rs.getTimestamp("occurred_at").toInstant().atOffset(ZoneOffset.UTC),
                rs.getString("title"),
                json.readTree(rs.getString("details")),
                rs.getString("reference"),
                rs.getString("source_link"));
    }
}
