package dev.agentlocator.platform.kit.outbox;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows the relay parked, for operators: list them, and re-queue them once the cause is fixed
 * (a broker limit raised, the data corrected). {@link OutboxGauges} counts them; any value above
 * zero means events some consumer never received.
 */
public class ParkedEvents {

    private static final int ENVELOPE_START = 1_000;

    private static final String COLUMNS = """
            id, seq, topic, event_type, event_key, tenant_id, attempts, created_at, parked_at, park_reason,
            octet_length(envelope) as envelope_bytes, left(envelope, %d) as envelope_start
            """.formatted(ENVELOPE_START);

    private static final RowMapper<ParkedEvent> ROW = (rs, i) -> new ParkedEvent(
            rs.getObject("id", UUID.class),
            rs.getLong("seq"),
            rs.getString("topic"),
            rs.getString("event_type"),
            rs.getString("event_key"),
            rs.getObject("tenant_id", UUID.class),
            rs.getInt("attempts"),
            rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("parked_at", OffsetDateTime.class),
            rs.getString("park_reason"),
            rs.getInt("envelope_bytes"),
            rs.getString("envelope_start"));

    private final JdbcClient jdbc;
    private final OutboxRelay relay;

    public ParkedEvents(JdbcClient jdbc, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.relay = relay;
    }

    public long count() {
        return jdbc.sql("select count(*) from outbox_event where parked_at is not null")
                .query(Long.class)
                .single();
    }

    /** Oldest first, in the order they were meant to go out. */
    public List<ParkedEvent> list(int limit) {
        return jdbc.sql("select " + COLUMNS + " from outbox_event where parked_at is not null order by seq limit ?")
                .param(limit)
                .query(ROW)
                .list();
    }

    public Optional<ParkedEvent> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from outbox_event where parked_at is not null and id = ?")
                .param(id)
                .query(ROW)
                .optional();
    }

    /**
     * Puts a parked row back in line with a fresh count of attempts; it goes out at once, after
     * the later events of its key that went out while it was parked.
     *
     * @return whether the row was parked
     */
    public boolean requeue(UUID id) {
        int updated = jdbc.sql("""
                        update outbox_event set parked_at = null, park_reason = null, attempts = 0, next_attempt_at = null
                        where parked_at is not null and id = ?
                        """).param(id).update();
        relay.wakeUp();
        return updated == 1;
    }

    /** @return how many rows went back in line */
    public int requeueAll() {
        int updated = jdbc.sql("""
                        update outbox_event set parked_at = null, park_reason = null, attempts = 0, next_attempt_at = null
                        where parked_at is not null
                        """).update();
        relay.wakeUp();
        return updated;
    }
}
