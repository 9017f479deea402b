package dev.agentlocator.billing.contracts;

import dev.agentlocator.billing.common.LineRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

final class ContractRequests {

    record CreateContractRequest(
            @NotNull(message = "יש לבחור לקוח") UUID customerId,

            @NotBlank(message = "יש להזין כותרת") @Size(max = 200, message = "הכותרת ארוכה מדי (עד 200 תווים)")
            String title,

            @Size(max = 20000, message = "התנאים ארוכים מדי")
            String terms,

            @NotEmpty(message = "יש להוסיף לפחות שורה אחת") @Size(max = 100, message = "אפשר עד 100 שורות במסמך")
            List<@Valid @NotNull(message = "שורה ריקה") LineRequest> lines) {}

    /** Absent fields stay as they are. */
    record UpdateContractRequest(
            @Size(min = 1, max = 200, message = "הכותרת חייבת להכיל 1 עד 200 תווים")
            String title,

            @Size(max = 20000, message = "התנאים ארוכים מדי")
            String terms,

            @Size(min = 1, max = 100, message = "יש להזין בין שורה אחת ל-100 שורות")
            List<@Valid @NotNull(message = "שורה ריקה") LineRequest> lines) {}

    /** The signer's drawn signature as a data URL (PNG or SVG) and their name. */
    record SignRequest(
            @NotBlank(message = "יש לצרף חתימה") String signature,

            @NotBlank(message = "יש להזין את שם החותם") @Size(max = 200, message = "השם ארוך מדי")
            String signerName,

            @Size(max = 64, message = "טביעת האצבע של המסמך אינה תקינה")
            String documentSha256) {}

    /** The invoice a quote becomes: a tax invoice unless said otherwise. */
    record ToInvoiceRequest(
            @Pattern(
                    regexp = "tax_invoice|tax_invoice_receipt",
                    message = "סוג המסמך חייב להיות חשבונית מס או חשבונית מס קבלה")
            String type) {}

    record SigningLink(String signingUrl, java.time.OffsetDateTime expiresAt) {}

    private ContractRequests() {}
}
