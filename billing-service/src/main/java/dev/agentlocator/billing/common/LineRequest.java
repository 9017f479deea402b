package dev.agentlocator.billing.common;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** One line of a document as a client sends it: quantity up to three decimals, price in agorot. */
public record LineRequest(
        @NotBlank(message = "יש להזין תיאור לשורה") @Size(max = 300, message = "תיאור השורה ארוך מדי (עד 300 תווים)")
        String description,

        @NotNull(message = "יש להזין כמות")
        @DecimalMin(value = "0.001", message = "הכמות חייבת להיות גדולה מאפס")
        @DecimalMax(value = "1000000", message = "הכמות גדולה מדי")
        @Digits(integer = 7, fraction = 3, message = "הכמות יכולה לכלול עד שלוש ספרות אחרי הנקודה")
        BigDecimal quantity,

        @NotNull(message = "יש להזין מחיר ליחידה")
        @PositiveOrZero(message = "המחיר ליחידה אינו יכול להיות שלילי")
        @Max(value = 10_000_000_000L, message = "המחיר ליחידה גדול מדי")
        Long unitPriceAgorot) {

    public LineItem toItem() {
        return LineItem.of(description.trim(), quantity, unitPriceAgorot);
    }
}
