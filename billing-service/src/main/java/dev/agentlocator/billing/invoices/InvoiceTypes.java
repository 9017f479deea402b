package dev.agentlocator.billing.invoices;

import java.util.Map;
import java.util.Set;

/** Document types and statuses, with the Hebrew a reader sees for each. */
final class InvoiceTypes {

    static final String TAX_INVOICE = "tax_invoice";
    static final String RECEIPT = "receipt";
    static final String TAX_INVOICE_RECEIPT = "tax_invoice_receipt";
    static final String CREDIT_NOTE = "credit_note";

    /** What a client may draft; a credit note only comes from crediting an issued document. */
    static final String DRAFTABLE = "tax_invoice|receipt|tax_invoice_receipt";

    /** Types that are tax invoices in the sense of the Israel Invoices rules. */
    static final Set<String> TAX_INVOICES = Set.of(TAX_INVOICE, TAX_INVOICE_RECEIPT);

    static final String DRAFT = "draft";
    static final String AWAITING_ALLOCATION = "awaiting_allocation";
    static final String ISSUED = "issued";
    static final String PAID = "paid";
    static final String CANCELLED = "cancelled";

    static final Map<String, String> TITLES = Map.of(
            TAX_INVOICE, "חשבונית מס",
            RECEIPT, "קבלה",
            TAX_INVOICE_RECEIPT, "חשבונית מס / קבלה",
            CREDIT_NOTE, "חשבונית זיכוי");

    static final Map<String, String> STATUS_LABELS = Map.of(
            DRAFT, "טיוטה",
            AWAITING_ALLOCATION, "ממתינה למספר הקצאה",
            ISSUED, "הופקה",
            PAID, "שולמה",
            CANCELLED, "בוטלה");

    private InvoiceTypes() {}
}
