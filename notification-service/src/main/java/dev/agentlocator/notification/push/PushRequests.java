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

    record Keys(
            @NotBlank(message = "חסר המפתח p256dh") String p256dh,
            @NotBlank(message = "חסר המפתח auth") String auth) {}

    record UnsubscribeRequest(
            @NotBlank(message = "חסרה כתובת המנוי (endpoint)")
            String endpoint) {}

    record SubscriptionView(String id, String endpoint) {}

    record VapidPublicKey(String publicKey) {}

    private PushRequests() {}
}
