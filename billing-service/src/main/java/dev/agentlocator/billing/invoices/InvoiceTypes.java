package dev.agentlocator.billing.invoices;

import java.util.Map;
import java.util.Set;

/** Document types and statuses, with the Hebrew a reader sees for each. */
public final class InvoiceTypes {

    public static final String TAX_INVOICE = "tax_invoice";
    public static final String RECEIPT = "receipt";
    public static final String TAX_INVOICE_RECEIPT = "tax_invoice_receipt";
    public static final String CREDIT_NOTE = "credit_note";

    /**
     * What a client may draft. A receipt comes from recording payments against invoices, a credit note
     * from crediting an issued document.
     */
    static final String DRAFTABLE = "tax_invoice|tax_invoice_receipt";

    /** Types that are tax invoices in the sense of the Israel Invoices rules. */
    static final Set<String> TAX_INVOICES = Set.of(TAX_INVOICE, TAX_INVOICE_RECEIPT);

    static final String DRAFT = "draft";
    static final String AWAITING_ALLOCATION = "awaiting_allocation";
    static final String ISSUED = "issued";
    static final String PAID = "paid";
    public static final String CANCELLED = "cancelled";

    public static final Map<String, String> TITLES = Map.of(
            TAX_INVOICE, "חשבונית מס",
            RECEIPT, "קבלה",
            TAX_INVOICE_RECEIPT, "חשבונית מס קבלה",
            CREDIT_NOTE, "חשבונית זיכוי");

    /**
     * Each type's code in the Tax Authority's document-type table (appendix 1 of the unified format,
     * version 1.31; the Invoices API uses the same codes).
     */
    public static final Map<String, Integer> TAX_AUTHORITY_CODES = Map.of(
            TAX_INVOICE, 305,
            TAX_INVOICE_RECEIPT, 320,
            CREDIT_NOTE, 330,
            RECEIPT, 400);

    static final Map<String, String> STATUS_LABELS = Map.of(
            DRAFT, "טיוטה",
            AWAITING_ALLOCATION, "ממתינה למספר הקצאה",
            ISSUED, "הופקה",
            PAID, "שולמה",
            CANCELLED, "בוטלה");

    private InvoiceTypes() {}
}
