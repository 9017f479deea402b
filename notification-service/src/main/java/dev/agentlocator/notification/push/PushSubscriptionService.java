package dev.agentlocator.notification.push;

import dev.agentlocator.notification.push.PushRequests.SubscribeRequest;
import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.errors.Messages;
import dev.agentlocator.platform.kit.security.CurrentUser;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores and removes the caller's browser subscriptions, refusing any we could not push to. */
@Service
class PushSubscriptionService {

    private final PushSubscriptionRepository subscriptions;
    private final PushEndpoints endpoints;

    PushSubscriptionService(PushSubscriptionRepository subscriptions, PushEndpoints endpoints) {
        this.subscriptions = subscriptions;
        this.endpoints = endpoints;
    }

    @Transactional
    UUID subscribe(CurrentUser caller, SubscribeRequest request) {
        String endpoint = request.endpoint().strip();
        endpoints.refusal(endpoint).ifPresent(reason -> {
            throw invalid("endpoint", reason);
        });
        if (!isPoint(request.keys().p256dh())) {
            throw invalid("keys.p256dh", "המפתח p256dh אינו מפתח ציבורי תקין");
        }
        if (!hasBytes(request.keys().auth(), 16)) {
            throw invalid("keys.auth", "המפתח auth אינו תקין");
        }
        return subscriptions.upsert(
                caller.tenantId(),
                caller.userId(),
                endpoint,
                request.keys().p256dh().strip(),
                request.keys().auth().strip());
    }

    @Transactional
    void unsubscribe(CurrentUser caller, String endpoint) {
        subscriptions.delete(caller.tenantId(), caller.userId(), endpoint.strip());
    }

    private static boolean isPoint(String text) {
        try {
            P256.publicKey(Base64Url.decode(text));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean hasBytes(String text, int length) {
        try {
            return Base64Url.decode(text).length == length;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                Messages.VALIDATION_FAILED,
                Map.of("fields", Map.of(field, message)));
    }
}
