package dev.agentlocator.platform.kit.testapp;

import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.kit.logging.Correlation;
import dev.agentlocator.platform.kit.outbox.Outbox;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class NoteService {

    public static final String TOPIC = "kit.notes.v1";

    private final JdbcClient jdbc;
    private final Outbox outbox;

    NoteService(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Transactional
    public UUID create(UUID tenantId, String text) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into note (id, tenant_id, text) values (?, ?, ?)")
                .params(id, tenantId, text)
                .update();
        outbox.append(
                TOPIC,
                EventEnvelope.create(
                        "note.created",
                        tenantId,
                        null,
                        Correlation.currentId(),
                        Map.of("noteId", id.toString(), "text", text)));
        return id;
    }

    /** Writes and appends, then fails: neither the note nor its event may survive. */
    @Transactional
    public void createThenFail(UUID tenantId, String text) {
        create(tenantId, text);
        throw new IllegalStateException("failing after the write, on purpose");
    }
}
