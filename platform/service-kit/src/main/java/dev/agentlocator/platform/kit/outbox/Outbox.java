package dev.agentlocator.platform.kit.outbox;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.EventType;
import dev.agentlocator.platform.events.EventTypes;
import dev.agentlocator.platform.kit.tracing.TraceContexts;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records an event in the same database transaction as the state change it describes; the {@link
 * OutboxRelay} publishes it to Kafka after commit. If the transaction rolls back, the event never
 * existed; if Kafka or the service is down, the event waits in the table. The trace of the request
 * that appends it is kept with it, so that its consumers continue that trace (ADR 0025).
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OutboxRelay relay;
    private final Tracer tracer;
    private final Propagator propagator;

    public Outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay, Tracer tracer, Propagator propagator) {
        this.jdbc = jdbc;
        this.json = json;
        this.relay = relay;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * Appends {@code event}, made with {@link EventEnvelope#of}, to its type's topic with its type's
     * key; must be called inside the writing transaction.
     *
     * @throws IllegalArgumentException for a type that is not in {@link EventTypes#ALL}
     */
    public void append(EventEnvelope event) {
        EventType<?> type = EventTypes.of(event)
                .orElseThrow(() -> new IllegalArgumentException(
                        "Event type " + event.type() + " v" + event.version() + " is not in the contract"));
        append(type.topic(), type.keyOf(event), event);
    }

    /** Appends {@code event} for {@code topic}; must be called inside the writing transaction. */
    public void append(String topic, EventEnvelope event) {
        append(topic, event.partitionKey(), event);
    }

    /**
     * Appends {@code event} with a record key of its own, for a topic keyed by something other than
     * the customer or tenant (e.g. a user, so that a compacted topic keeps each user's latest state).
     */
    public void append(String topic, String key, EventEnvelope event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.append needs the transaction of the state change it describes");
        }
        jdbc.sql("""
                        insert into outbox_event
                            (id, topic, event_key, event_type, tenant_id, correlation_id, traceparent, envelope)
                        values (:id, :topic, :key, :type, :tenant, :correlation, :traceparent, :envelope)
                        """)
                .param("id", event.id())
                .param("topic", topic)
                .param("key", key)
                .param("type", event.type())
                .param("tenant", event.tenantId())
                .param("correlation", event.correlationId())
                .param("traceparent", TraceContexts.currentTraceparent(tracer, propagator))
                .param("envelope", json.writeValueAsString(event))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
    }
}
