package dev.agentlocator.crm.customers;

import dev.agentlocator.platform.kit.israel.ValidIsraeliId;
import dev.agentlocator.platform.kit.phone.ValidPhoneNumber;
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

/**
 * Bodies of the customer endpoints. Unknown enum values and bad types are refused with a 400. The
 * limits below are the only ones on customer fields: the CSV import validates each row as a {@link
 * CreateCustomerRequest}, so a file can hold nothing the API would refuse.
 */
public final class CustomerRequests {

    static final int NAME_MAX = 200;
    static final int PHONE_MAX = 32;
    static final int EMAIL_MAX = 254;
    static final int VAT_ID_MAX = 20;
    static final int TAGS_MAX = 20;
    static final int TAG_MAX = 50;
    static final int NOTES_MAX = 5000;
    static final int AREA_MAX = 100;

    static final String NAME_TOO_LONG = "השם ארוך מדי";
    static final String PHONE_TOO_LONG = "מספר הטלפון ארוך מדי";
    static final String EMAIL_TOO_LONG = "כתובת האימייל ארוכה מדי";
    static final String VAT_ID_TOO_LONG = "מספר העוסק ארוך מדי";
    static final String VAT_ID_INVALID =
            "מספר העוסק (ע.מ / ח.פ) אינו תקין: יש להזין 9 ספרות, וספרת הביקורת (הספרה האחרונה) צריכה להתאים";
    static final String TOO_MANY_TAGS = "אפשר עד 20 תגיות";
    static final String TAG_TOO_LONG = "תגית יכולה להכיל עד 50 תווים";
    static final String EMPTY_TAG = "תגית אינה יכולה להיות ריקה";
    static final String NOTES_TOO_LONG = "ההערות ארוכות מדי";
    static final String AREA_TOO_LONG = "שם האזור ארוך מדי";

    static final String STATUS_PATTERN = "new|contacted|qualified|negotiation|won|lost";
    static final String SOURCE_PATTERN = "call|whatsapp|manual|import";
    static final String DEAL_PATTERN = "buy|sell|rent|rent_out";

    public record CreateCustomerRequest(
            @NotBlank(message = "יש להזין שם") @Size(max = NAME_MAX, message = NAME_TOO_LONG)
            String name,

            @NotBlank(message = "יש להזין מספר טלפון")
            @Size(max = PHONE_MAX, message = PHONE_TOO_LONG)
            @ValidPhoneNumber
            String phone,

            @Email(message = "כתובת האימייל אינה תקינה") @Size(max = EMAIL_MAX, message = EMAIL_TOO_LONG)
            String email,

            @Size(max = VAT_ID_MAX, message = VAT_ID_TOO_LONG) @ValidIsraeliId(message = VAT_ID_INVALID)
            String vatId,

            @Pattern(regexp = STATUS_PATTERN, message = "סטטוס לא מוכר")
            String status,

            @Pattern(regexp = SOURCE_PATTERN, message = "מקור לא מוכר")
            String source,

            @Size(max = TAGS_MAX, message = TOO_MANY_TAGS)
            List<@NotBlank(message = EMPTY_TAG) @Size(max = TAG_MAX, message = TAG_TOO_LONG) String> tags,

            @Size(max = NOTES_MAX, message = NOTES_TOO_LONG) String notes,
            UUID ownerId,
            @Size(max = AREA_MAX, message = AREA_TOO_LONG) String area,

            @DecimalMin(value = "0", message = "מספר החדרים אינו תקין")
            @DecimalMax(value = "99", message = "מספר החדרים אינו תקין")
            BigDecimal rooms,

            @PositiveOrZero(message = "התקציב אינו תקין") Long budgetAgorot,

            @Pattern(regexp = DEAL_PATTERN, message = "סוג עסקה לא מוכר")
            String dealType) {}

    /** PATCH: a field left out (or null) keeps its value; an empty string clears an optional one. */
    record UpdateCustomerRequest(
            @Size(min = 1, max = NAME_MAX, message = "השם אינו תקין")
            String name,

            @Size(min = 1, max = PHONE_MAX, message = "מספר הטלפון אינו תקין") @ValidPhoneNumber
            String phone,

            @Size(max = EMAIL_MAX, message = EMAIL_TOO_LONG) String email,

            @Size(max = VAT_ID_MAX, message = VAT_ID_TOO_LONG) @ValidIsraeliId(message = VAT_ID_INVALID)
            String vatId,

            @Pattern(regexp = STATUS_PATTERN, message = "סטטוס לא מוכר")
            String status,

            @Pattern(regexp = SOURCE_PATTERN, message = "מקור לא מוכר")
            String source,

            @Size(max = TAGS_MAX, message = TOO_MANY_TAGS)
            List<@NotBlank(message = EMPTY_TAG) @Size(max = TAG_MAX, message = TAG_TOO_LONG) String> tags,

            @Size(max = NOTES_MAX, message = NOTES_TOO_LONG) String notes,
            UUID ownerId,
            @Size(max = AREA_MAX, message = AREA_TOO_LONG) String area,

            @DecimalMin(value = "0", message = "מספר החדרים אינו תקין")
            @DecimalMax(value = "99", message = "מספר החדרים אינו תקין")
            BigDecimal rooms,

            @PositiveOrZero(message = "התקציב אינו תקין") Long budgetAgorot,

            @Pattern(regexp = DEAL_PATTERN + "|", message = "סוג עסקה לא מוכר")
            String dealType) {}

    record ResolveRequest(
            @NotBlank(message = "יש להזין מספר טלפון")
            @Size(max = PHONE_MAX, message = PHONE_TOO_LONG)
            @ValidPhoneNumber
            String phone,

            @Pattern(regexp = "call|whatsapp", message = "מקור לא מוכר")
            String source,

            @Size(max = 200, message = "השם ארוך מדי") String name) {}

    private CustomerRequests() {}
}
