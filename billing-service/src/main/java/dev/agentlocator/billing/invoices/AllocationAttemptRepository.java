package dev.agentlocator.billing.invoices;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The log of requests sent to the allocation provider. An attempt is written, and committed, before
 * its request leaves; an attempt without an outcome therefore means "sent, answer never stored".
 */
@Repository
class AllocationAttemptRepository {

    /** One request and what came of it ({@code outcome} null while, or if, no answer was stored). */
    record Attempt(
            int attempt, String requestId, OffsetDateTime sentAt, String outcome, Integer httpStatus, String detail) {}

    private final JdbcClient jdbc;

    AllocationAttemptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Closes attempts whose answer was never stored (the process died on the way): outcome unknown. */
    void closeUnanswered(UUID invoiceId, Instant now) {
        jdbc.sql("""
                        update allocation_attempt set finished_at = ?, outcome = 'retry',
                            detail = 'no answer was stored (the service stopped after sending); the same request is sent again'
                        where invoice_id = ? and finished_at is null
                        """).param(at(now)).param(invoiceId).update();
    }

    void open(UUID tenantId, UUID invoiceId, int attempt, String requestId, Instant sentAt) {
        jdbc.sql("""
                        insert into allocation_attempt (tenant_id, invoice_id, attempt, request_id, sent_at)
                        values (?, ?, ?, ?, ?)
                        """)
                .param(tenantId)
                .param(invoiceId)
                .param(attempt)
                .param(requestId)
                .param(at(sentAt))
                .update();
    }

    void close(UUID invoiceId, int attempt, String outcome, Integer httpStatus, String detail, Instant finishedAt) {
        jdbc.sql("""
                        update allocation_attempt set finished_at = ?, outcome = ?, http_status = ?, detail = ?
                        where invoice_id = ? and attempt = ?
                        """)
                .param(at(finishedAt))
                .param(outcome)
                .param(httpStatus)
                .param(detail)
                .param(invoiceId)
                .param(attempt)
                .update();
    }

    List<Attempt> of(UUID tenantId, UUID invoiceId) {
        return jdbc.sql("""
                        select attempt, request_id, sent_at, outcome, http_status, detail from allocation_attempt
                        where tenant_id = ? and invoice_id = ? order by attempt
                        """)
                .param(tenantId)
                .param(invoiceId)
                .query((rs, n) -> new Attempt(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4),
                        rs.getObject(5, Integer.class),
                        rs.getString(6)))
                .list();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
