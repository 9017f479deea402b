package dev.agentlocator.billing.invoices;

import static dev.agentlocator.platform.kit.text.Text.blankToNull;

import dev.agentlocator.platform.kit.errors.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** Turns recorded payments into {@link Payment}s, checking what each method needs. */
final class Payments {

    static final String CHEQUE_DETAILS = "בהמחאה יש להזין מספר בנק, מספר סניף, מספר חשבון, מספר המחאה ותאריך פירעון";
    static final String CARD_DETAILS = "בתשלום בכרטיס אשראי יש להזין את 4 הספרות האחרונות של הכרטיס";
    static final String NO_PAYMENTS = "יש להזין לפחות אמצעי תשלום אחד";

    static List<Payment> of(List<PaymentRequest> requests) {
        if (requests == null || requests.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "payments_required", NO_PAYMENTS);
        }
        List<Payment> payments = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            PaymentRequest r = requests.get(i);
            boolean cheque = PaymentMethods.CHEQUE.equals(r.method());
            boolean card = PaymentMethods.CREDIT_CARD.equals(r.method());
            if (cheque
                    && (!digits(r.bankNumber(), 3)
                            || !digits(r.branchNumber(), 4)
                            || !digits(r.accountNumber(), 15)
                            || !digits(r.chequeNumber(), 10)
                            || r.chequeDueDate() == null)) {
                throw invalid(i, CHEQUE_DETAILS);
            }
            if (card && (r.cardLast4() == null || !r.cardLast4().matches("\\d{4}"))) {
                throw invalid(i, CARD_DETAILS);
            }
            payments.add(new Payment(
                    UUID.randomUUID(),
                    i + 1,
                    r.method(),
                    r.amountAgorot(),
                    r.date(),
                    cheque ? r.bankNumber() : null,
                    cheque ? r.branchNumber() : null,
                    cheque ? r.accountNumber() : null,
                    cheque ? r.chequeNumber() : null,
                    cheque ? r.chequeDueDate() : null,
                    card ? r.cardLast4() : null,
                    card ? r.cardCompany() : null,
                    card ? (r.installments() == null ? 1 : r.installments()) : null,
                    cheque || card ? null : blankToNull(r.reference())));
        }
        return payments;
    }

    /** One to {@code max} digits: what the unified format's numeric bank fields can hold. */
    private static boolean digits(String value, int max) {
        return value != null && value.matches("\\d{1," + max + "}");
    }

    static long total(List<Payment> payments) {
        return payments.stream().mapToLong(Payment::amountAgorot).reduce(0L, Math::addExact);
    }

    private static ApiException invalid(int index, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_payment", message, Map.of("payment", index));
    }

    private Payments() {}
}
