package dev.agentlocator.platform.kit.testapp;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A second consumer group on the notes topic, standing for another service reading the same topic:
 * it records every delivery it gets, so a test sees whether a replay meant for another group
 * reached it too.
 */
@Component
class NoteAuditListener {

    private final JdbcClient jdbc;

    NoteAuditListener(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @KafkaListener(id = "note-audit", groupId = "${spring.kafka.consumer.group-id}-audit", topics = NoteService.TOPIC)
    void on(ConsumerRecord<String, String> record) {
        var id = record.headers().lastHeader("eventId");
        if (id != null) {
            jdbc.sql("insert into audited_note (event_id) values (?)")
                    .param(UUID.fromString(new String(id.value(), StandardCharsets.UTF_8)))
                    .update();
        }
    }
}
