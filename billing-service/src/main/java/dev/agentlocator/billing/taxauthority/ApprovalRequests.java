package dev.agentlocator.billing.taxauthority;

import dev.agentlocator.billing.allocation.AllocationProvider.Request;
import dev.agentlocator.billing.common.SoftwareProperties;
import dev.agentlocator.billing.invoices.InvoiceTypes;
import dev.agentlocator.platform.kit.israel.IsraeliIds;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code POST /Invoices/v2/Approval} (table 2.1 of the Tax Authority's "Israel Invoice
 * Model – description of the APIs", version 2.0): lower-case field names, VAT numbers as integers,
 * amounts in shekels with two decimals, dates as {@code YYYY-MM-DD}. Optional fields with no value are
 * left out, never sent as null: the Tax Authority's gateway refuses a null where its schema has a type.
 * A pure function of the stored request, so a retry sends the same bytes.
 */
final class ApprovalRequests {

    /** Field 7 (A25): who performs the allocation; ours are automatic, so the software says it. */
    static final String USER_NAME = "AgentLocator";

    static Map<String, Object> body(Request r, SoftwareProperties software) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("invoice_id", r.invoiceId().toString());
        body.put("invoice_type", InvoiceTypes.TAX_AUTHORITY_CODES.get(r.type()));
        body.put("vat_number", Long.parseLong(IsraeliIds.normalize(r.businessId())));
        body.put("user_name", USER_NAME);
        body.put("invoice_reference_number", Long.toString(r.number()));
        body.put("customer_vat_number", Long.parseLong(IsraeliIds.normalize(r.customerVatId())));
        if (r.customerName() != null && !r.customerName().isBlank()) {
            body.put("customer_name", truncate(r.customerName().strip(), 25));
        }
        body.put("invoice_date", r.invoiceDate().toString());
        body.put("invoice_issuance_date", r.issuanceDate().toString());
        body.put("accounting_software_number", software.registrationNumber());
        body.put("amount_before_discount", shekels(r.subtotalAgorot()));
        body.put("discount", shekels(0));
        body.put("payment_amount", shekels(r.subtotalAgorot()));
        body.put("vat_amount", shekels(r.vatAgorot()));
        body.put("payment_amount_including_vat", shekels(r.totalAgorot()));
        return body;
    }

    private static BigDecimal shekels(long agorot) {
        return BigDecimal.valueOf(agorot, 2);
    }

    private static String truncate(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
    }

    private ApprovalRequests() {}
}
