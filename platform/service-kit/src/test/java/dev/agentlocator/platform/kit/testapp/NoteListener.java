package dev.agentlocator.platform.kit.testapp;

import dev.agentlocator.platform.kit.logging.Correlation;
import dev.agentlocator.platform.kit.messaging.EventReader;
import dev.agentlocator.platform.kit.messaging.IdempotentConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes notes the way a service consumes events: read leniently, handle once, in the service's
 * shared consumer group (one per test class, so that the cached contexts of other classes, each
 * with a database of its own, never take this class's records).
 */
@Component
class NoteListener {

    static final String ID = "note-listener";

    private final EventReader reader;
    private final IdempotentConsumer once;
    private final JdbcClient jdbc;

    NoteListener(EventReader reader, IdempotentConsumer once, JdbcClient jdbc) {
        this.reader = reader;
        this.once = once;
        this.jdbc = jdbc;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = NoteService.TOPIC)
    void on(String value) {
        var event = reader.read(value);
        once.handleOnce("note-listener", event, e -> {
            Object text = e.payload().get("text");
            if (jdbc.sql("select exists (select 1 from failing_note where text = ?)")
                    .param(String.valueOf(text))
                    .query(Boolean.class)
                    .single()) {
                throw new IllegalStateException("note " + e.id() + " cannot be handled yet");
            }
            jdbc.sql("insert into handled_note (event_id, text, correlation_id) values (?, ?, ?)")
                    .params(e.id(), text, Correlation.currentId())
                    .update();
        });
    }
}
