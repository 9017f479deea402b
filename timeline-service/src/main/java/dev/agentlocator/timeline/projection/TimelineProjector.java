package dev.agentlocator.timeline.projection;

import dev.agentlocator.platform.events.CustomerEvent;
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.kit.messaging.IdempotentConsumer;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies one event to every projection of this service (timeline entry, known customers,
 * statistics) in one transaction together with the processed-event mark, so a redelivery or a
 * replay changes nothing. Used by the live listener and by the rebuild.
 */
@Service
public class TimelineProjector {

    /** The {@code processed_event.consumer} name of all projections in this service. */
    public static final String CONSUMER = "timeline";

    /** The live listener container's id; the rebuild stops and restarts it. */
    public static final String LIVE_LISTENER = "timeline-live";

    private static final Logger log = LoggerFactory.getLogger(TimelineProjector.class);

    private final IdempotentConsumer once;
    private final List<Projection> others;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    TimelineProjector(IdempotentConsumer once, List<Projection> others, JdbcClient jdbc, JsonMapper json) {
        this.once = once;
        this.others = List.copyOf(others);
        this.jdbc = jdbc;
        this.json = json;
    }

    public enum Outcome {
        APPLIED,
        DUPLICATE,
        UNKNOWN_TYPE
    }

    public Outcome project(EventEnvelope event, String topic) {
        if (!TimelineEvents.isKnown(event)) {
            // Producers may ship new types before we know them; keep the partition moving.
            log.info(
                    "Skipping event {} of unknown type '{}' from {} (tenant {})",
                    event.id(),
                    event.type(),
                    topic,
                    event.tenantId());
            return Outcome.UNKNOWN_TYPE;
        }
        boolean applied = once.handleOnce(CONSUMER, event, this::apply);
        if (!applied) {
            log.debug("Event {} ({}) was applied before; skipped", event.id(), event.type());
        }
        return applied ? Outcome.APPLIED : Outcome.DUPLICATE;
    }

    private void apply(EventEnvelope event) {
        EntryMapper.map(event).ifPresent(entry -> {
            rememberCustomer(event);
            insert(entry);
        });
        others.forEach(projection -> projection.apply(event));
    }

    private void rememberCustomer(EventEnvelope event) {
        Optional<CustomerEvent> customerEvent = CustomerEvent.of(event);
        boolean aboutTheCustomer = customerEvent.isPresent();
        String name = customerEvent
                .map(type -> EntryMapper.text(event.payload(type).name()))
                .orElse(null);
        // Only customer events may rename or delete; newest event time wins.
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
                .param("tenant", event.tenantId())
                .param("customer", event.customerId())
                .param("name", name)
                .param("deleted", customerEvent.orElse(null) == CustomerEvent.DELETED)
                // A customer first seen through another event has no name yet; any customer event may fill it.
                .param(
                        "at",
                        aboutTheCustomer ? Timestamp.from(event.occurredAt().toInstant()) : null)
                .param("authoritative", aboutTheCustomer)
                .update();
    }

    private void insert(TimelineEntry entry) {
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
                .param("details", json.writeValueAsString(entry.details()))
                .param("reference", entry.reference())
                .param("link", entry.link())
                .update();
    }

    /**
     * Empties every projection and forgets which events were applied, in one transaction. TRUNCATE
     * waits for in-flight consumer transactions, so each event ends up either fully erased (and
     * replayed) or fully kept with its mark (and skipped by the replay).
     */
    @Transactional
    public void erase() {
        jdbc.sql("truncate timeline_entry, timeline_customer, stats_daily, stats_task")
                .update();
        jdbc.sql("delete from processed_event where consumer = :consumer")
                .param("consumer", CONSUMER)
                .update();
    }
}
