package dev.agentlocator.billing.common;

import java.math.BigDecimal;

/** A priced line; its total is fixed when the line is made, so a document never re-rounds it. */
public record LineItem(String description, BigDecimal quantity, long unitPriceAgorot, long totalAgorot) {

    public static LineItem of(String description, BigDecimal quantity, long unitPriceAgorot) {
        // 10.000 is kept as 10, not 1E+1: clients and the PDF show it as people write it.
        BigDecimal plain = quantity.stripTrailingZeros();
        if (plain.scale() < 0) {
            plain = plain.setScale(0);
        }
        return new LineItem(description, plain, unitPriceAgorot, Money.lineTotal(quantity, unitPriceAgorot));
    }
}
