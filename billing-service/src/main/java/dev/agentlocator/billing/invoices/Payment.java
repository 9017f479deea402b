package dev.agentlocator.billing.invoices;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One means of payment on a receipt or tax invoice-receipt. The cheque fields are set for a cheque,
 * the card fields for a credit card, {@code reference} for a transfer, Bit or other.
 */
public record Payment(
        UUID id,
        int lineNumber,
        String method,
        long amountAgorot,
        LocalDate paidOn,
        String bankNumber,
        String branchNumber,
        String accountNumber,
        String chequeNumber,
        LocalDate chequeDueDate,
        String cardLast4,
        String cardCompany,
        Integer installments,
        String reference) {

    /** The method as a reader sees it on the document. */
    public String methodLabel() {
        return PaymentMethods.LABELS.get(method);
    }
}
