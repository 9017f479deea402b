package dev.agentlocator.billing.pdf;

import dev.agentlocator.billing.common.LineItem;
import dev.agentlocator.billing.common.Money;
import dev.agentlocator.billing.pdf.RtlDocument.Column;
import java.util.List;

/**
 * The priced part of a quote, contract or invoice: the line-items table, then the sum before VAT,
 * the VAT and the total, so every document prints its money the same way.
 */
public final class PricedLines {

    private static final List<Column> COLUMNS = List.of(
            new Column("תיאור", 235), new Column("כמות", 60), new Column("מחיר ליחידה", 95), new Column("סה״כ", 100));

    /** The document's amounts; {@code totalLabel} names the total ("סה״כ לתשלום", "סה״כ לזיכוי"…). */
    public record Totals(
            long subtotalAgorot, int vatRateBasisPoints, long vatAgorot, String totalLabel, long totalAgorot) {}

    public static void draw(RtlDocument pdf, List<LineItem> lines, Totals totals) {
        pdf.gap(10).table(COLUMNS, lines.stream().map(PricedLines::row).toList());
        pdf.gap(6)
                .line("סכום לפני מע״מ: " + Money.shekels(totals.subtotalAgorot()))
                .line("מע״מ " + Money.percent(totals.vatRateBasisPoints()) + ": " + Money.shekels(totals.vatAgorot()))
                .boldLine(totals.totalLabel() + ": " + Money.shekels(totals.totalAgorot()));
    }

    private static List<String> row(LineItem line) {
        return List.of(
                line.description(),
                line.quantity().toPlainString(),
                Money.amount(line.unitPriceAgorot()),
                Money.amount(line.totalAgorot()));
    }

    private PricedLines() {}
}
