package dev.agentlocator.platform.kit.messaging;

import dev.agentlocator.platform.events.EventEnvelope;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a handler at most once per event id and consumer name: the processed mark and the handler's
 * writes commit in one transaction, so a redelivered event finds its mark and changes nothing.
 */
public class IdempotentConsumer {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public IdempotentConsumer(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * @return {@code true} when the handler ran, {@code false} when the event had been handled
     *     before
     */
    public boolean handleOnce(String consumer, EventEnvelope event, Consumer<EventEnvelope> handler) {
        Boolean handled = transactions.execute(status -> {
            int inserted = jdbc.sql("""
                            insert into processed_event (consumer, event_id) values (?, ?)
                            on conflict do nothing
                            """).param(consumer).param(event.id()).update();
            if (inserted == 0) {
                return false;
            }
            handler.accept(event);
            return true;
        });
        log.debug(
                "{} event {} ({}) as {}",
                Boolean.TRUE.equals(handled) ? "Handled" : "Skipped already handled",
                event.id(),
                event.type(),
                consumer);
        return Boolean.TRUE.equals(handled);
    }
}
