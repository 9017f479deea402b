package dev.agentlocator.billing.settings;

import dev.agentlocator.platform.kit.israel.ValidIsraeliId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record UpdateSettingsRequest(
        @NotNull(message = "יש להזין שיעור מע״מ")
        @Min(value = 0, message = "שיעור המע״מ אינו יכול להיות שלילי")
        @Max(value = 10000, message = "שיעור המע״מ אינו יכול לעלות על 100%")
        Integer vatRateBasisPoints,

        @Size(max = 200, message = "שם העסק ארוך מדי") String businessName,

        @ValidIsraeliId(
                message = "מספר העוסק (ע.מ / ח.פ) אינו תקין: יש להזין 9 ספרות, וספרת הביקורת (הספרה האחרונה)"
                        + " צריכה להתאים. בדקו את המספר מול תעודת עוסק מורשה.")
        String businessId,

        @Size(max = 300, message = "הכתובת ארוכה מדי") String address,
        @Size(max = 30, message = "מספר הטלפון ארוך מדי") String phone) {}
