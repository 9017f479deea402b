package dev.agentlocator.timeline.projection;

import java.util.Map;
import java.util.Optional;

/**
 * The event types the timeline understands, and the kind each becomes. This is the consumer side
 * of the contract in docs/adr/0005-timeline-events.md: a producing service that emits one of these
 * names with the documented payload shows up on the timeline and in the statistics. Any other type
 * is skipped (logged, never dead-lettered), so producers may add types before the timeline knows
 * them.
 */
public final class TimelineEvents {

    // crm.customer.v1 — payload: name, phone, email, status, source, ownerId
    public static final String CUSTOMER_CREATED = "customer.created";
    public static final String CUSTOMER_UPDATED = "customer.updated";
    public static final String CUSTOMER_DELETED = "customer.deleted";

    // telephony.call.v1 — payload: callSid, direction, from, to, status, durationSeconds,
    // transcript, answeredBy ("ai" | "agent" | absent)
    public static final String CALL_RECEIVED = "call.received";
    public static final String CALL_COMPLETED = "call.completed";
    public static final String CALL_STATUS_CHANGED = "call.status_changed";

    // telephony.whatsapp.v1 — payload: messageSid, direction, status, text
    public static final String WHATSAPP_SENT = "whatsapp.sent";
    public static final String WHATSAPP_RECEIVED = "whatsapp.received";
    public static final String WHATSAPP_STATUS_CHANGED = "whatsapp.status_changed";

    // tasks.task.v1 — payload: taskId, title, dueAt, status, assigneeId
    public static final String TASK_CREATED = "task.created";
    public static final String TASK_UPDATED = "task.updated";
    public static final String TASK_SNOOZED = "task.snoozed";
    public static final String TASK_COMPLETED = "task.completed";
    public static final String TASK_DUE = "task.due";

    // billing.contract.v1 — payload: contractId, title, status, totalAgorot
    public static final String CONTRACT_CREATED = "contract.created";
    public static final String CONTRACT_SENT = "contract.sent";
    public static final String CONTRACT_VIEWED = "contract.viewed";
    public static final String CONTRACT_SIGNED = "contract.signed";
    public static final String CONTRACT_DECLINED = "contract.declined";
    public static final String CONTRACT_EXPIRED = "contract.expired";

    // billing.invoice.v1 — payload: invoiceId, number, type, status, totalAgorot, vatAgorot
    public static final String INVOICE_CREATED = "invoice.created";
    public static final String INVOICE_ISSUED = "invoice.issued";
    public static final String INVOICE_PAID = "invoice.paid";
    public static final String INVOICE_CREDITED = "invoice.credited";
    public static final String INVOICE_CANCELLED = "invoice.cancelled";
    public static final String INVOICE_UPDATED = "invoice.updated";
    public static final String INVOICE_DELETED = "invoice.deleted";

    /**
     * The signer's own acts on the signing page are "signature" entries; the office's acts on the
     * document (create, send, expiry) are "contract" entries.
     */
    private static final Map<String, TimelineKind> KINDS = Map.ofEntries(
            Map.entry(CUSTOMER_CREATED, TimelineKind.CUSTOMER),
            Map.entry(CUSTOMER_UPDATED, TimelineKind.CUSTOMER),
            Map.entry(CUSTOMER_DELETED, TimelineKind.CUSTOMER),
            Map.entry(CALL_RECEIVED, TimelineKind.CALL),
            Map.entry(CALL_COMPLETED, TimelineKind.CALL),
            Map.entry(CALL_STATUS_CHANGED, TimelineKind.CALL),
            Map.entry(WHATSAPP_SENT, TimelineKind.WHATSAPP),
            Map.entry(WHATSAPP_RECEIVED, TimelineKind.WHATSAPP),
            Map.entry(WHATSAPP_STATUS_CHANGED, TimelineKind.WHATSAPP),
            Map.entry(TASK_CREATED, TimelineKind.TASK),
            Map.entry(TASK_UPDATED, TimelineKind.TASK),
            Map.entry(TASK_SNOOZED, TimelineKind.TASK),
            Map.entry(TASK_COMPLETED, TimelineKind.TASK),
            Map.entry(TASK_DUE, TimelineKind.TASK),
            Map.entry(CONTRACT_CREATED, TimelineKind.CONTRACT),
            Map.entry(CONTRACT_SENT, TimelineKind.CONTRACT),
            Map.entry(CONTRACT_VIEWED, TimelineKind.SIGNATURE),
            Map.entry(CONTRACT_SIGNED, TimelineKind.SIGNATURE),
            Map.entry(CONTRACT_DECLINED, TimelineKind.SIGNATURE),
            Map.entry(CONTRACT_EXPIRED, TimelineKind.CONTRACT),
            Map.entry(INVOICE_CREATED, TimelineKind.INVOICE),
            Map.entry(INVOICE_ISSUED, TimelineKind.INVOICE),
            Map.entry(INVOICE_PAID, TimelineKind.INVOICE),
            Map.entry(INVOICE_CREDITED, TimelineKind.INVOICE),
            Map.entry(INVOICE_CANCELLED, TimelineKind.INVOICE),
            Map.entry(INVOICE_UPDATED, TimelineKind.INVOICE),
            Map.entry(INVOICE_DELETED, TimelineKind.INVOICE));

    public static boolean isKnown(String type) {
        return KINDS.containsKey(type);
    }

    public static Optional<TimelineKind> kindOf(String type) {
        return Optional.ofNullable(KINDS.get(type));
    }

    private TimelineEvents() {}
}
