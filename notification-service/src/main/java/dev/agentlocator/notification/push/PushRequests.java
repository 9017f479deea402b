package dev.agentlocator.notification.push;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body {@code PushSubscription.toJSON()} gives in the browser, and what unsubscribing needs. */
final class PushRequests {

    record SubscribeRequest(
            @NotBlank(message = "חסרה כתובת המנוי (endpoint)") @Size(max = 2048, message = "כתובת המנוי ארוכה מדי")
            String endpoint,

            @NotNull(message = "חסרים מפתחות ההצפנה של המנוי") @Valid
            Keys keys) {}

    /** A P-256 point is 87 base64url characters and the auth secret 22; anything far longer is no key. */
    record Keys(
            @NotBlank(message = "חסר המפתח p256dh") @Size(max = 256, message = "המפתח p256dh אינו מפתח ציבורי תקין")
            String p256dh,

            @NotBlank(message = "חסר המפתח auth") @Size(max = 256, message = "המפתח auth אינו תקין")
            String auth) {}

    record UnsubscribeRequest(
            @NotBlank(message = "חסרה כתובת המנוי (endpoint)") @Size(max = 2048, message = "כתובת המנוי ארוכה מדי")
            String endpoint) {}

    record SubscriptionView(String id, String endpoint) {}

    record VapidPublicKey(String publicKey) {}

    private PushRequests() {}
}
