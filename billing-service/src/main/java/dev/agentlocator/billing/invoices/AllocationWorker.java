package dev.agentlocator.billing.invoices;

import dev.agentlocator.billing.allocation.AllocationProperties;
import dev.agentlocator.billing.allocation.AllocationProvider;
import dev.agentlocator.billing.allocation.AllocationProvider.Answer;
import dev.agentlocator.billing.allocation.AllocationProvider.Request;
import dev.agentlocator.billing.allocation.ProviderConnected;
import dev.agentlocator.billing.common.IsraelTime;
import dev.agentlocator.platform.events.InvoiceEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gets allocation numbers for invoices awaiting them, one attempt at a time, never two at once for
 * one invoice, and never a second, different request for one invoice.
 *
 * <p>An attempt (1) takes the invoice under a lease and writes the attempt, committed, before the
 * request leaves; (2) asks the provider with no transaction open; (3) stores the answer. The request is
 * built once, at the first attempt, and stored: every retry, including one after a crash between (2)
 * and (3), sends exactly that request under the same invoice id, so the Tax Authority sees the same
 * request again rather than a new invoice.
 */
@Component
class AllocationWorker {

    static final String TEMPORARY_FAILURE = "רשות המסים לא ענתה הפעם; נבקש שוב אוטומטית בעוד כמה דקות.";

    private static final Logger log = LoggerFactory.getLogger(AllocationWorker.class);

    private final InvoiceRepository invoices;
    private final AllocationAttemptRepository attempts;
    private final AllocationProvider provider;
    private final AllocationProperties properties;
    private final InvoiceEvents events;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final Counter rejections;

    AllocationWorker(
            InvoiceRepository invoices,
            AllocationAttemptRepository attempts,
            AllocationProvider provider,
            AllocationProperties properties,
            InvoiceEvents events,
            TransactionTemplate transactions,
            JsonMapper json,
            Clock clock,
            MeterRegistry meters) {
        this.invoices = invoices;
        this.attempts = attempts;
        this.provider = provider;
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        // Registered at 0, so the alert on its increase sees the first rejection too.
        this.rejections = Counter.builder("agentlocator.allocation.rejections")
                .description("allocation requests the Tax Authority answered with a rejection")
                .register(meters);
    }

    private record Claim(Request request, int attempt) {}

    /**
     * One attempt for the invoice, if it is awaiting a number and no other worker holds it; otherwise
     * nothing happens. Safe to call from any number of threads and instances.
     */
    void attempt(UUID tenantId, UUID invoiceId) {
        Instant now = clock.instant();
        Claim claim = transactions.execute(status -> {
            Invoice invoice = invoices.lockForAttempt(tenantId, invoiceId, now).orElse(null);
            if (invoice == null) {
                return null;
            }
            Request request = invoices.allocationRequest(tenantId, invoiceId)
                    .map(stored -> json.readValue(stored, Request.class))
                    .orElseGet(() -> requestFor(tenantId, invoice));
            int attempt = invoice.allocationAttempts() + 1;
            attempts.closeUnanswered(invoiceId, now);
            invoices.leaseForAttempt(
                    tenantId, invoiceId, json.writeValueAsString(request), attempt, now.plus(properties.lease()));
            attempts.open(tenantId, invoiceId, attempt, invoiceId.toString(), now);
            return new Claim(request, attempt);
        });
        if (claim == null) {
            return;
        }
        Answer answer;
        try {
            answer = provider.request(claim.request());
        } catch (RuntimeException e) {
            log.warn("Allocation request for invoice {} failed; it is retried: {}", invoiceId, e.toString());
            answer = Answer.retry(TEMPORARY_FAILURE, null, null, e.toString());
        }
        record(tenantId, invoiceId, claim.attempt(), answer);
    }

    private void record(UUID tenantId, UUID invoiceId, int attempt, Answer answer) {
        transactions.executeWithoutResult(status -> {
            Instant done = clock.instant();
            attempts.close(
                    invoiceId,
                    attempt,
                    answer.outcome().name().toLowerCase(Locale.ROOT),
                    answer.httpStatus(),
                    answer.detail(),
                    done);
            switch (answer.outcome()) {
                case ALLOCATED -> {
                    if (invoices.recordAllocated(tenantId, invoiceId, answer.allocationNumber(), answer.sandbox())) {
                        events.emit(
                                tenantId,
                                InvoiceEvent.ISSUED,
                                invoices.find(tenantId, invoiceId).orElseThrow());
                    }
                }
                case REJECTED -> {
                    if (invoices.recordRejected(tenantId, invoiceId, answer.message(), answer.sandbox())) {
                        rejections.increment();
                        events.allocationProblem(
                                tenantId,
                                InvoiceEvent.ALLOCATION_REJECTED,
                                invoices.find(tenantId, invoiceId).orElseThrow(),
                                answer.message());
                    }
                }
                case RETRY ->
                    invoices.recordUnsettled(
                            tenantId,
                            invoiceId,
                            answer.message(),
                            done.plus(properties.backoff(attempt, answer.retryAfter())));
                case RECONNECT, FAILED -> invoices.recordUnsettled(tenantId, invoiceId, answer.message(), null);
            }
        });
    }

    /** Every due attempt, oldest first; rows another worker holds are left to it. */
    @Scheduled(
            fixedDelayString = "${agentlocator.billing.allocation.sweep:PT15S}",
            initialDelayString = "${agentlocator.billing.allocation.sweep:PT15S}")
    public void sweep() {
        for (var due : invoices.dueForAllocation(clock.instant(), 50)) {
            attempt(due.tenantId(), due.invoiceId());
        }
    }

    /**
     * Announces, once each, the invoices that have waited longer than {@code stuckAfter} for their
     * number, with the last reason they are still waiting when there is one.
     */
    @Scheduled(
            fixedDelayString = "${agentlocator.billing.allocation.sweep:PT15S}",
            initialDelayString = "${agentlocator.billing.allocation.sweep:PT15S}")
    public void noticeOverdue() {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            for (var due : invoices.noticeOverdueAllocations(now.minus(properties.stuckAfter()), now, 50)) {
                Invoice invoice = invoices.find(due.tenantId(), due.invoiceId()).orElseThrow();
                events.allocationProblem(
                        due.tenantId(), InvoiceEvent.ALLOCATION_OVERDUE, invoice, invoice.allocationError());
            }
        });
    }

    /** Invoices that waited for the business to connect are due as soon as it has; the sweep sends them. */
    @TransactionalEventListener
    void connected(ProviderConnected event) {
        int resumed = invoices.resumeAllocations(event.tenantId(), clock.instant());
        log.info(
                "Tenant {} connected to the Tax Authority; {} invoice(s) are due for allocation",
                event.tenantId(),
                resumed);
    }

    private Request requestFor(UUID tenantId, Invoice invoice) {
        var date = IsraelTime.localDate(invoice.issuedAt());
        return new Request(
                tenantId,
                invoice.id(),
                invoice.business() == null ? null : invoice.business().businessId(),
                invoice.customerVatId(),
                invoice.customerName(),
                invoice.number(),
                invoice.type(),
                date,
                date,
                invoice.subtotalAgorot(),
                invoice.vatAgorot(),
                invoice.totalAgorot(),
                invoice.vatRateBasisPoints(),
                invoice.lines());
    }
}
