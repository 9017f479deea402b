package dev.agentlocator.platform.kit.testapp;

import dev.agentlocator.platform.kit.logging.Correlation;
import dev.agentlocator.platform.kit.messaging.EventReader;
import dev.agentlocator.platform.kit.messaging.IdempotentConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes notes the way a service consumes events: read leniently, handle once. */
@Component
class NoteListener {

    private final EventReader reader;
    private final IdempotentConsumer once;
    private final JdbcClient jdbc;

    NoteListener(EventReader reader, IdempotentConsumer once, JdbcClient jdbc) {
        this.reader = reader;
        this.once = once;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = NoteService.TOPIC, groupId = "kit-test-note-listener")
    void on(String value) {
        var event = reader.read(value);
        once.handleOnce(
                "note-listener",
                event,
                e -> jdbc.sql("insert into handled_note (event_id, text, correlation_id) values (?, ?, ?)")
                        .params(e.id(), e.payload().get("text"), Correlation.currentId())
                        .update());
    }
}
