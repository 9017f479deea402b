package dev.agentlocator.billing.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * Money in integer agorot. Each line is rounded half-up once (quantity × unit price), the VAT once on
 * the subtotal, so the printed lines always add up to the printed subtotal and total.
 */
public final class Money {

    public static final String CURRENCY = "ILS";
    public static final int DEFAULT_VAT_BASIS_POINTS = 1800;

    private static final BigDecimal BASIS_POINTS = BigDecimal.valueOf(10_000);
    private static final Locale HEBREW = Locale.forLanguageTag("he-IL");

    public static long lineTotal(BigDecimal quantity, long unitPriceAgorot) {
        return quantity.multiply(BigDecimal.valueOf(unitPriceAgorot))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    public static long vat(long subtotalAgorot, int vatRateBasisPoints) {
        return BigDecimal.valueOf(subtotalAgorot)
                .multiply(BigDecimal.valueOf(vatRateBasisPoints))
                .divide(BASIS_POINTS, 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    public static Totals totals(List<LineItem> lines, int vatRateBasisPoints) {
        long subtotal = lines.stream().mapToLong(LineItem::totalAgorot).reduce(0L, Math::addExact);
        long vat = vat(subtotal, vatRateBasisPoints);
        return new Totals(subtotal, vat, Math.addExact(subtotal, vat), vatRateBasisPoints);
    }

    /** {@code 1,234.56 ₪}, the way an Israeli reader writes shekels (he-IL digits and separators). */
    public static String shekels(long agorot) {
        return amount(agorot) + " ₪";
    }

    /**
     * {@code 1,234.56} without the currency, for tables and CSV; a negative amount (a credit note) gets a
     * plain "-", not the he-IL format's left-to-right mark before it, which would travel into CSV cells.
     */
    public static String amount(long agorot) {
        var format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(HEBREW));
        String digits = format.format(BigDecimal.valueOf(Math.abs(agorot), 2));
        return agorot < 0 ? "-" + digits : digits;
    }

    /** {@code 18%} or {@code 17.5%}. */
    public static String percent(int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + "%";
    }

    public record Totals(long subtotalAgorot, long vatAgorot, long totalAgorot, int vatRateBasisPoints) {}

    private Money() {}
}
