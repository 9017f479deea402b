package dev.agentlocator.billing.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void aLineIsQuantityTimesPriceRoundedHalfUpToTheAgora() {
        assertThat(Money.lineTotal(new BigDecimal("3"), 3333)).isEqualTo(9999);
        assertThat(Money.lineTotal(new BigDecimal("0.333"), 1000)).isEqualTo(333);
        assertThat(Money.lineTotal(new BigDecimal("1.5"), 33)).isEqualTo(50); // 49.5 → 50
        assertThat(Money.lineTotal(new BigDecimal("0.005"), 100)).isEqualTo(1); // 0.5 → 1
        assertThat(Money.lineTotal(new BigDecimal("0.004"), 100)).isZero(); // 0.4 → 0
        assertThat(Money.lineTotal(new BigDecimal("2.125"), 1999)).isEqualTo(4248); // 4247.875
    }

    @Test
    void vatIsRoundedHalfUpOnceOnTheSubtotal() {
        assertThat(Money.vat(10382, 1800)).isEqualTo(1869); // 1868.76
        assertThat(Money.vat(25, 1800)).isEqualTo(5); // 4.5 → 5
        assertThat(Money.vat(1, 1800)).isZero(); // 0.18
        assertThat(Money.vat(3, 1800)).isEqualTo(1); // 0.54
        assertThat(Money.vat(12345, 1750)).isEqualTo(2160); // 2160.375
        assertThat(Money.vat(99999, 0)).isZero();
    }

    @Test
    void totalsAddTheRoundedLinesAndNeverRoundTwice() {
        var lines = List.of(
                LineItem.of("א", new BigDecimal("0.333"), 1000),
                LineItem.of("ב", new BigDecimal("0.333"), 1000),
                LineItem.of("ג", new BigDecimal("0.334"), 1000));
        var totals = Money.totals(lines, 1800);
        assertThat(totals.subtotalAgorot()).isEqualTo(1000);
        assertThat(totals.vatAgorot()).isEqualTo(180);
        assertThat(totals.totalAgorot()).isEqualTo(1180);
    }

    @Test
    void formatsShekelsTheIsraeliWay() {
        assertThat(Money.shekels(123456789)).isEqualTo("1,234,567.89 ₪");
        assertThat(Money.shekels(5)).isEqualTo("0.05 ₪");
        assertThat(Money.percent(1800)).isEqualTo("18%");
        assertThat(Money.percent(1750)).isEqualTo("17.5%");
    }

    @Test
    void aLineKeepsItsQuantityAsWrittenWithoutTrailingZerosOrExponent() {
        assertThat(LineItem.of("א", new BigDecimal("10.000"), 100).quantity().toString())
                .isEqualTo("10");
        assertThat(LineItem.of("א", new BigDecimal("1.500"), 100).quantity().toString())
                .isEqualTo("1.5");
    }

    @Test
    void aNegativeAmountHasAPlainMinusAndNoDirectionMark() {
        assertThat(Money.amount(-123_456)).isEqualTo("-1,234.56");
        assertThat(Money.amount(-5)).isEqualTo("-0.05");
    }
}
