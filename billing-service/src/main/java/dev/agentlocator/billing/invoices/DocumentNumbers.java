package dev.agentlocator.billing.invoices;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gapless document numbers per tenant and document type. The counter row is incremented inside
 * the issuing transaction: its row lock makes concurrent issuers queue, and a rollback returns the
 * number with everything else, so no number is skipped or given twice.
 */
@Component
class DocumentNumbers {

    private final DocumentSequenceRepository sequences;

    DocumentNumbers(DocumentSequenceRepository sequences) {
        this.sequences = sequences;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long next(UUID tenantId, String documentType) {
        // The first document of a type creates its counter; a concurrent first issuer's insert waits
        // on the same key and then does nothing, and both go on to the locking update.
        sequences.createIfMissing(tenantId, documentType);
        return sequences.increment(tenantId, documentType);
    }
}
