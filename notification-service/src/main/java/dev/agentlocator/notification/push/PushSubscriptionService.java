package dev.agentlocator.notification.push;

import dev.agentlocator.notification.push.PushRequests.SubscribeRequest;
import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.errors.Messages;
import dev.agentlocator.platform.kit.security.CurrentUser;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores and removes the caller's browser subscriptions, refusing any we could not push to. */
@Service
class PushSubscriptionService {

    private final PushSubscriptionRepository subscriptions;
    private final PushProperties properties;

    PushSubscriptionService(PushSubscriptionRepository subscriptions, PushProperties properties) {
        this.subscriptions = subscriptions;
        this.properties = properties;
    }

    @Transactional
    UUID subscribe(CurrentUser caller, SubscribeRequest request) {
        String endpoint = request.endpoint().strip();
        if (!acceptableEndpoint(endpoint)) {
            throw invalid("endpoint", "כתובת המנוי חייבת להיות כתובת https של שירות ההתראות");
        }
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

    private boolean acceptableEndpoint(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return "https".equals(scheme)
                || ("http".equals(scheme) && properties.allowLoopbackHttp() && "127.0.0.1".equals(uri.getHost()));
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
