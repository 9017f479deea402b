package dev.agentlocator.timeline.projection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The timeline's projections: its entries, the customers it knows, and erasing them for a rebuild. */
@Repository
class ProjectionRepository {

    private final JdbcClient jdbc;

    ProjectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that the customer exists. Only an {@code authoritative} (customer) event may rename or
     * delete it, and then only when it is not older than what was applied last; {@code name} null
     * keeps the known name.
     */
    void rememberCustomer(
            UUID tenant, UUID customer, String name, boolean deleted, Instant updatedAt, boolean authoritative) {
        jdbc.sql("""
                        insert into timeline_customer (tenant_id, customer_id, name, deleted, updated_at)
                        values (:tenant, :customer, :name, :deleted, :at)
                        on conflict (tenant_id, customer_id) do update
                           set name = coalesce(excluded.name, timeline_customer.name),
                               deleted = excluded.deleted,
                               updated_at = excluded.updated_at
                         where :authoritative
                           and (timeline_customer.updated_at is null or timeline_customer.updated_at <= excluded.updated_at)
                        """)
                .param("tenant", tenant)
                .param("customer", customer)
                .param("name", name)
                .param("deleted", deleted)
                .param("at", updatedAt == null ? null : Timestamp.from(updatedAt))
                .param("authoritative", authoritative)
                .update();
    }

    /** Adds the entry unless its event is already on the timeline. */
    void insert(TimelineEntry entry, String detailsJson) {
        jdbc.sql("""
                        insert into timeline_entry (event_id, tenant_id, customer_id, kind, event_type, occurred_at,
                                                    title, details, reference, source_link)
                        values (:id, :tenant, :customer, :kind, :type, :at, :title, cast(:details as jsonb),
                                :reference, :link)
                        on conflict (event_id) do nothing
                        """)
                .param("id", entry.eventId())
                .param("tenant", entry.tenantId())
                .param("customer", entry.customerId())
                .param("kind", entry.kind().wireName())
                .param("type", entry.type())
                .param("at", Timestamp.from(entry.occurredAt()))
                .param("title", entry.title())
                .param("details", detailsJson)
                .param("reference", entry.reference())
                .param("link", entry.link())
                .update();
    }

    /** Empties every projection and forgets which events {@code consumer} applied. */
    void eraseAll(String consumer) {
        jdbc.sql("truncate timeline_entry, timeline_customer, stats_daily, stats_task")
                .update();
        jdbc.sql("delete from processed_event where consumer = :consumer")
                .param("consumer", consumer)
                .update();
    }
}
