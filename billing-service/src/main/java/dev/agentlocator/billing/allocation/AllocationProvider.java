package dev.agentlocator.billing.invoices;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Asks the Tax Authority (or a stand-in) for an Israel Invoices allocation number (מספר הקצאה).
 * Implementations must be idempotent by {@code invoiceId}: a retry after a lost answer must not
 * produce a second allocation.
 */
public interface AllocationProvider {

    Answer request(Request request);

    record Request(
            UUID tenantId,
            UUID invoiceId,
            String businessId,
            String customerVatId,
            long number,
            String type,
            LocalDate date,
            long subtotalAgorot,
            long vatAgorot,
            long totalAgorot) {}

    /** Either {@code allocationNumber} or a Hebrew {@code rejectionReason}. */
    record Answer(String allocationNumber, String rejectionReason, boolean sandbox) {

        static Answer allocated(String number, boolean sandbox) {
            return new Answer(number, null, sandbox);
        }

        static Answer rejected(String reason, boolean sandbox) {
            return new Answer(null, reason, sandbox);
        }

        boolean isAllocated() {
            return allocationNumber != null;
        }
    }
}
