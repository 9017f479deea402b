package dev.agentlocator.timeline.api;

import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.timeline.api.TimelineViews.TimelineItem;
import dev.agentlocator.timeline.api.TimelineViews.TimelinePage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Reads one customer's timeline, newest first, a keyset page at a time. */
@Service
class TimelineService {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TimelineService(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @throws ApiException 404 when no event has ever named this customer in this tenant */
    @Transactional(readOnly = true)
    public TimelinePage page(UUID tenantId, UUID customerId, TimelineQuery query) {
        boolean known = jdbc.sql(
                        "select exists (select 1 from timeline_customer where tenant_id = ? and customer_id = ?)")
                .params(tenantId, customerId)
                .query(Boolean.class)
                .single();
        if (!known) {
            throw ApiException.notFound();
        }
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
                .param("fetch", query.limit() + 1);
        if (!query.kinds().isEmpty()) {
            statement = statement.param("kinds", query.kindNames());
        }
        if (query.before() != null) {
            statement = statement
                    .param("beforeAt", query.before().occurredAt().atOffset(ZoneOffset.UTC))
                    .param("beforeId", query.before().eventId());
        }
        List<TimelineItem> rows = statement.query(this::item).list();
        if (rows.size() <= query.limit()) {
            return new TimelinePage(rows, null, query.limit());
        }
        List<TimelineItem> page = rows.subList(0, query.limit());
        TimelineItem last = page.get(page.size() - 1);
        String next = new TimelineCursor(last.occurredAt().toInstant(), last.id()).encode();
        return new TimelinePage(List.copyOf(page), next, query.limit());
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
