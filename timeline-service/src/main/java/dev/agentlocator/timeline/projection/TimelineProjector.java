package dev.agentlocator.timeline.projection;

import dev.agentlocator.platform.events.CustomerEvent;
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.kit.messaging.IdempotentConsumer;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private final ProjectionRepository projections;
    private final JsonMapper json;

    TimelineProjector(
            IdempotentConsumer once, List<Projection> others, ProjectionRepository projections, JsonMapper json) {
        this.once = once;
        this.others = List.copyOf(others);
        this.projections = projections;
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
        projections.rememberCustomer(
                event.tenantId(),
                event.customerId(),
                name,
                customerEvent.orElse(null) == CustomerEvent.DELETED,
                // A customer first seen through another event has no name yet; any customer event may fill it.
                aboutTheCustomer ? event.occurredAt().toInstant() : null,
                aboutTheCustomer);
    }

    private void insert(TimelineEntry entry) {
        projections.insert(entry, json.writeValueAsString(entry.details()));
    }

    /**
     * Empties every projection and forgets which events were applied, in one transaction. TRUNCATE
     * waits for in-flight consumer transactions, so each event ends up either fully erased (and
     * replayed) or fully kept with its mark (and skipped by the replay).
     */
    @Transactional
    public void erase() {
        projections.eraseAll(CONSUMER);
    }
}
