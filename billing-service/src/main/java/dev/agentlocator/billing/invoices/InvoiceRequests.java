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

    record CreateInvoiceRequest(
            @NotNull(message = "יש לבחור לקוח") UUID customerId,

            @NotNull(message = "יש לבחור סוג מסמך")
            @Pattern(
                    regexp = InvoiceTypes.DRAFTABLE,
                    message = "סוג המסמך חייב להיות חשבונית מס, קבלה או חשבונית מס / קבלה")
            String type,

            @NotEmpty(message = "יש להוסיף לפחות שורה אחת") @Size(max = 100, message = "אפשר עד 100 שורות במסמך")
            List<@Valid @NotNull(message = "שורה ריקה") LineRequest> lines) {}

    /** Changes to a draft; absent fields stay as they are. */
    record UpdateInvoiceRequest(
            UUID customerId,

            @Pattern(
                    regexp = InvoiceTypes.DRAFTABLE,
                    message = "סוג המסמך חייב להיות חשבונית מס, קבלה או חשבונית מס / קבלה")
            String type,

            @Size(min = 1, max = 100, message = "יש להזין בין שורה אחת ל-100 שורות")
            List<@Valid @NotNull(message = "שורה ריקה") LineRequest> lines) {}

    private InvoiceRequests() {}
}
