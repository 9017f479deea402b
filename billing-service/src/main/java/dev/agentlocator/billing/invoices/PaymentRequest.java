package dev.agentlocator.billing.invoices;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A payment as a client records it. Which of the optional fields are required depends on the method
 * and is checked by {@link Payments#validate}: a cheque needs bank, branch, account, number and due
 * date; a credit card its last four digits.
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

        @Pattern(regexp = "\\d{1,3}", message = "מספר הבנק הוא עד 3 ספרות")
        String bankNumber,

        @Pattern(regexp = "\\d{1,4}", message = "מספר הסניף הוא עד 4 ספרות")
        String branchNumber,

        @Pattern(regexp = "\\d{1,15}", message = "מספר החשבון הוא עד 15 ספרות")
        String accountNumber,

        @Pattern(regexp = "\\d{1,10}", message = "מספר ההמחאה הוא עד 10 ספרות")
        String chequeNumber,

        LocalDate chequeDueDate,

        @Pattern(regexp = "\\d{4}", message = "יש להזין את 4 הספרות האחרונות של הכרטיס")
        String cardLast4,

        @Pattern(
                regexp = PaymentMethods.CARD_COMPANY_PATTERN,
                message = "חברת האשראי חייבת להיות ישראכרט, כאל, דיינרס, אמריקן אקספרס, מקס או אחר")
        String cardCompany,

        @Min(value = 1, message = "מספר התשלומים חייב להיות לפחות 1") @Max(value = 36, message = "אפשר עד 36 תשלומים")
        Integer installments,

        @Size(max = 50, message = "האסמכתה ארוכה מדי") String reference) {}
