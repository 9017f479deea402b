package dev.agentlocator.timeline.stats;

/** Names of the daily counters in {@code stats_daily}. */
final class Metrics {

    static final String CALLS_ANSWERED_AI = "calls.answered_ai";
    static final String CALLS_ANSWERED_AGENT = "calls.answered_agent";
    static final String CALLS_MISSED = "calls.missed";
    static final String CALLS_OUTBOUND = "calls.outbound";
    /** Dimension: the customer's source (call, whatsapp, manual, import, ...). */
    static final String LEADS_NEW = "leads.new";

    static final String TASKS_CREATED = "tasks.created";
    static final String TASKS_COMPLETED = "tasks.completed";
    static final String CONTRACTS_SIGNED = "contracts.signed";
    static final String CONTRACTS_SIGNED_AGOROT = "contracts.signed.agorot";
    static final String INVOICES_ISSUED = "invoices.issued";
    static final String INVOICES_ISSUED_AGOROT = "invoices.issued.agorot";
    static final String INVOICES_ISSUED_VAT_AGOROT = "invoices.issued.vat_agorot";
    static final String INVOICES_PAID = "invoices.paid";
    static final String INVOICES_PAID_AGOROT = "invoices.paid.agorot";
    static final String INVOICES_PAID_VAT_AGOROT = "invoices.paid.vat_agorot";
    /** Credit notes: counted here, and subtracted from {@link #INVOICES_ISSUED_AGOROT} and its VAT. */
    static final String INVOICES_CREDITED = "invoices.credited";

    static final String INVOICES_CREDITED_AGOROT = "invoices.credited.agorot";
    /** Money received: receipts and tax invoice-receipts (payments, never revenue). */
    static final String PAYMENTS_RECEIVED = "payments.received";

    static final String PAYMENTS_RECEIVED_AGOROT = "payments.received.agorot";

    static final String NO_DIMENSION = "";

    private Metrics() {}
}
