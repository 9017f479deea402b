package dev.agentlocator.billing.invoices;

import java.util.Map;

/** Means of payment, their Hebrew names and their codes in the Tax Authority's unified format. */
public final class PaymentMethods {

    public static final String CASH = "cash";
    public static final String CHEQUE = "cheque";
    public static final String BANK_TRANSFER = "bank_transfer";
    public static final String CREDIT_CARD = "credit_card";
    public static final String BIT = "bit";
    public static final String OTHER = "other";

    static final String PATTERN = "cash|cheque|bank_transfer|credit_card|bit|other";
    static final String CARD_COMPANY_PATTERN = "isracard|cal|diners|amex|max|other";

    static final Map<String, String> LABELS = Map.of(
            CASH, "מזומן",
            CHEQUE, "המחאה",
            BANK_TRANSFER, "העברה בנקאית",
            CREDIT_CARD, "כרטיס אשראי",
            BIT, "ביט",
            OTHER, "אחר");

    /**
     * Field 1306 of record D120 (unified format 1.31): 1 cash, 2 cheque, 3 credit card, 4 bank
     * transfer, 9 other. Bit, an app transfer, has no code of its own, so it is "other".
     */
    public static final Map<String, Integer> UNIFIED_FORMAT_CODES =
            Map.of(CASH, 1, CHEQUE, 2, CREDIT_CARD, 3, BANK_TRANSFER, 4, BIT, 9, OTHER, 9);

    /** Field 1313 of D120: the acquirer. Leumi Card is today's Max; 0 where the table has none. */
    public static final Map<String, Integer> CARD_COMPANY_CODES =
            Map.of("isracard", 1, "cal", 2, "diners", 3, "amex", 4, "max", 6, "other", 0);

    static final Map<String, String> CARD_COMPANY_LABELS = Map.of(
            "isracard",
            "ישראכרט",
            "cal",
            "כאל",
            "diners",
            "דיינרס",
            "amex",
            "אמריקן אקספרס",
            "max",
            "מקס",
            "other",
            "אחר");

    private PaymentMethods() {}
}
