package dev.agentlocator.crm.customers;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Bodies of the customer endpoints. Unknown enum values and bad types are refused with a 400. */
public final class CustomerRequests {

    static final String STATUS_PATTERN = "new|contacted|qualified|negotiation|won|lost";
    static final String SOURCE_PATTERN = "call|whatsapp|manual|import";
    static final String DEAL_PATTERN = "buy|sell|rent|rent_out";

    public record CreateCustomerRequest(
            @NotBlank(message = "יש להזין שם") @Size(max = 200, message = "השם ארוך מדי")
            String name,

            @NotBlank(message = "יש להזין מספר טלפון") @Size(max = 32, message = "מספר הטלפון ארוך מדי")
            String phone,

            @Email(message = "כתובת האימייל אינה תקינה") @Size(max = 254, message = "כתובת האימייל ארוכה מדי")
            String email,

            @Size(max = 20, message = "מספר העוסק ארוך מדי") String vatId,

            @Pattern(regexp = STATUS_PATTERN, message = "סטטוס לא מוכר")
            String status,

            @Pattern(regexp = SOURCE_PATTERN, message = "מקור לא מוכר")
            String source,

            @Size(max = 20, message = "אפשר עד 20 תגיות") List<@NotBlank @Size(max = 50) String> tags,
            @Size(max = 5000, message = "ההערות ארוכות מדי") String notes,
            UUID ownerId,
            @Size(max = 100, message = "שם האזור ארוך מדי") String area,

            @DecimalMin(value = "0", message = "מספר החדרים אינו תקין")
            @DecimalMax(value = "99", message = "מספר החדרים אינו תקין")
            BigDecimal rooms,

            @PositiveOrZero(message = "התקציב אינו תקין") Long budgetAgorot,

            @Pattern(regexp = DEAL_PATTERN, message = "סוג עסקה לא מוכר")
            String dealType) {}

    /** PATCH: a field left out (or null) keeps its value; an empty string clears an optional one. */
    record UpdateCustomerRequest(
            @Size(min = 1, max = 200, message = "השם אינו תקין")
            String name,

            @Size(min = 1, max = 32, message = "מספר הטלפון אינו תקין")
            String phone,

            @Size(max = 254, message = "כתובת האימייל ארוכה מדי")
            String email,

            @Size(max = 20, message = "מספר העוסק ארוך מדי") String vatId,

            @Pattern(regexp = STATUS_PATTERN, message = "סטטוס לא מוכר")
            String status,

            @Pattern(regexp = SOURCE_PATTERN, message = "מקור לא מוכר")
            String source,

            @Size(max = 20, message = "אפשר עד 20 תגיות") List<@NotBlank @Size(max = 50) String> tags,
            @Size(max = 5000, message = "ההערות ארוכות מדי") String notes,
            UUID ownerId,
            @Size(max = 100, message = "שם האזור ארוך מדי") String area,

            @DecimalMin(value = "0", message = "מספר החדרים אינו תקין")
            @DecimalMax(value = "99", message = "מספר החדרים אינו תקין")
            BigDecimal rooms,

            @PositiveOrZero(message = "התקציב אינו תקין") Long budgetAgorot,

            @Pattern(regexp = DEAL_PATTERN + "|", message = "סוג עסקה לא מוכר")
            String dealType) {}

    record ResolveRequest(
            @NotBlank(message = "יש להזין מספר טלפון") @Size(max = 32)
            String phone) {}

    private CustomerRequests() {}
}
