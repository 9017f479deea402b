package dev.agentlocator.billing.allocation;

import dev.agentlocator.billing.common.LineItem;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Asks the Tax Authority (or a stand-in) for an Israel Invoices allocation number (מספר הקצאה).
 *
 * <p>The caller builds a {@link Request} once per invoice and sends exactly that request on every
 * retry; an implementation must derive everything it sends from the request alone, and identify the
 * invoice to the remote service by {@link Request#invoiceId()}, so that a retry after a lost answer is
 * recognisable as the same request and can never become a second allocation.
 */
public interface AllocationProvider {

    /** {@code sandbox} or {@code tax_authority}: what the API tells the owner is in use. */
    String name();

    /** Expected failures are answers, never exceptions; an exception is treated as "outcome unknown". */
    Answer request(Request request);

    record Request(
            UUID tenantId,
            UUID invoiceId,
            String businessId,
            String customerVatId,
            String customerName,
            long number,
            String type,
            LocalDate invoiceDate,
            LocalDate issuanceDate,
            long subtotalAgorot,
            long vatAgorot,
            long totalAgorot,
            int vatRateBasisPoints,
            List<LineItem> lines) {}

    /** How an attempt ended, and so what happens to the invoice next. */
    enum Outcome {
        /** The number is on the invoice. */
        ALLOCATED,
        /** The Tax Authority refused: the Hebrew reason and what to fix go on the invoice; no retry. */
        REJECTED,
        /** Not settled (busy, down, timed out, outcome unknown): retried automatically with back-off. */
        RETRY,
        /** The business must connect (again) to the Tax Authority; retried once it has. */
        RECONNECT,
        /** Refused for a reason retrying cannot fix (permission, a request the service cannot read). */
        FAILED
    }

    /**
     * {@code message} is Hebrew: the rejection reason with what to fix, or what stops the allocation.
     * {@code retryAfter} is the provider's own hint (HTTP {@code Retry-After}), if it gave one.
     */
    record Answer(
            Outcome outcome,
            String allocationNumber,
            String message,
            boolean sandbox,
            Integer httpStatus,
            Duration retryAfter,
            String detail) {

        public static Answer allocated(String number, boolean sandbox) {
            return new Answer(Outcome.ALLOCATED, number, null, sandbox, 200, null, null);
        }

        public static Answer rejected(String reason, boolean sandbox, Integer httpStatus, String detail) {
            return new Answer(Outcome.REJECTED, null, reason, sandbox, httpStatus, null, detail);
        }

        public static Answer retry(String message, Integer httpStatus, Duration retryAfter, String detail) {
            return new Answer(Outcome.RETRY, null, message, false, httpStatus, retryAfter, detail);
        }

        public static Answer reconnect(String message, Integer httpStatus, String detail) {
            return new Answer(Outcome.RECONNECT, null, message, false, httpStatus, null, detail);
        }

        public static Answer failed(String message, Integer httpStatus, String detail) {
            return new Answer(Outcome.FAILED, null, message, false, httpStatus, null, detail);
        }
    }
}
