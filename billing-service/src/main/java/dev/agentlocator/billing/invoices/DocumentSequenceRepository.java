package dev.agentlocator.billing.invoices;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The per-tenant, per-type counters of document numbers ({@code document_sequence}). */
@Repository
class DocumentSequenceRepository {

    private final JdbcClient jdbc;

    DocumentSequenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the counter at zero unless it exists; a concurrent creator's insert waits, then does nothing. */
    void createIfMissing(UUID tenantId, String documentType) {
        jdbc.sql("insert into document_sequence (tenant_id, document_type) values (?, ?) on conflict do nothing")
                .param(tenantId)
                .param(documentType)
                .update();
    }

    /** Counts one up and returns the new number, holding the counter's row lock until commit. */
    long increment(UUID tenantId, String documentType) {
        return jdbc.sql("""
                        update document_sequence set last_number = last_number + 1
                        where tenant_id = ? and document_type = ?
                        returning last_number
                        """)
                .param(tenantId)
                .param(documentType)
                .query(Long.class)
                .single();
    }
}
