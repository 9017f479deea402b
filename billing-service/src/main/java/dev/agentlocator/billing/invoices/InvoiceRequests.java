package dev.agentlocator.billing.invoices;

import dev.agentlocator.billing.common.LineRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

final class InvoiceRequests {

    static final String DRAFTABLE_TYPES =
            "סוג המסמך חייב להיות חשבונית מס או חשבונית מס קבלה. קבלה נוצרת ברישום תשלום.";

    record CreateInvoiceRequest(
            @NotNull(message = "יש לבחור לקוח") UUID customerId,

            @NotNull(message = "יש לבחור סוג מסמך") @Pattern(regexp = InvoiceTypes.DRAFTABLE, message = DRAFTABLE_TYPES)
            String type,

            @NotEmpty(message = "יש להוסיף לפחות שורה אחת") @Size(max = 100, message = "אפשר עד 100 שורות במסמך")
            List<@Valid @NotNull(message = "שורה ריקה") LineRequest> lines) {}

    /** Changes to a draft; absent fields stay as they are. */
    record UpdateInvoiceRequest(
            UUID customerId,

            @Pattern(regexp = InvoiceTypes.DRAFTABLE, message = DRAFTABLE_TYPES)
            String type,

            @Size(min = 1, max = 100, message = "יש להזין בין שורה אחת ל-100 שורות")
            List<@Valid @NotNull(message = "שורה ריקה") LineRequest> lines) {}

    /** Issuing: a tax invoice-receipt brings the payments made on the spot; other types bring nothing. */
    record IssueRequest(
            @Size(max = 20, message = "אפשר עד 20 אמצעי תשלום")
            List<@Valid @NotNull(message = "תשלום ריק") PaymentRequest> payments) {}

    /** A receipt: the payments received and the customer's tax invoices they pay, in that order. */
    record CreateReceiptRequest(
            @NotEmpty(message = "יש לבחור לפחות חשבונית אחת לתשלום")
            @Size(max = 50, message = "קבלה אחת יכולה לשלם עד 50 חשבוניות")
            List<@NotNull(message = "מזהה חשבונית ריק") UUID> invoiceIds,

            @NotEmpty(message = "יש להזין לפחות אמצעי תשלום אחד") @Size(max = 20, message = "אפשר עד 20 אמצעי תשלום")
            List<@Valid @NotNull(message = "תשלום ריק") PaymentRequest> payments) {}

    private InvoiceRequests() {}
}
