package dev.agentlocator.billing.invoices;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A payment as a client records it. Which of the optional fields are required depends on the method
 * and is checked by {@link Payments#of}, once the document is known to be the caller's: a cheque needs
 * bank (up to 3 digits), branch (4), account (15), number (10) and due date; a credit card the last four
 * digits of the card.
 */
record PaymentRequest(
        @NotNull(message = "יש לבחור אמצעי תשלום")
        @Pattern(
                regexp = PaymentMethods.PATTERN,
                message = "אמצעי התשלום חייב להיות מזומן, המחאה, העברה בנקאית, כרטיס אשראי, ביט או אחר")
        String method,

        @NotNull(message = "יש להזין סכום")
        @Min(value = 1, message = "סכום התשלום חייב להיות חיובי")
        @Max(value = 100_000_000_000L, message = "סכום התשלום גדול מדי")
        Long amountAgorot,

        @NotNull(message = "יש להזין תאריך תשלום") LocalDate date,

        @Size(max = 15, message = "מספר הבנק ארוך מדי") String bankNumber,
        @Size(max = 15, message = "מספר הסניף ארוך מדי") String branchNumber,
        @Size(max = 15, message = "מספר החשבון ארוך מדי") String accountNumber,
        @Size(max = 15, message = "מספר ההמחאה ארוך מדי") String chequeNumber,
        LocalDate chequeDueDate,

        @Size(max = 4, message = "יש להזין את 4 הספרות האחרונות של הכרטיס")
        String cardLast4,

        @Pattern(
                regexp = PaymentMethods.CARD_COMPANY_PATTERN,
                message = "חברת האשראי חייבת להיות ישראכרט, כאל, דיינרס, אמריקן אקספרס, מקס או אחר")
        String cardCompany,

        @Min(value = 1, message = "מספר התשלומים חייב להיות לפחות 1") @Max(value = 36, message = "אפשר עד 36 תשלומים")
        Integer installments,

        @Size(max = 50, message = "האסמכתה ארוכה מדי") String reference) {}
