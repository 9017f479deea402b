package dev.agentlocator.notification.push;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends one encrypted message to one subscription's push service (RFC 8030 with RFC 8291 and RFC
 * 8292). The push service's base URL is the subscription's endpoint, so tests point it at a local
 * stand-in (on the allow-list they configure) and the real code path runs.
 */
@Component
class WebPushSender {

    private static final Logger log = LoggerFactory.getLogger(WebPushSender.class);

    enum Outcome {
        DELIVERED,
        /** 404 / 410: the browser dropped the subscription; delete it. */
        GONE,
        FAILED,
        /** Not sent: the endpoint is off the allow-list now, or its host resolves to our own network. */
        REFUSED
    }

    private final VapidKeys vapid;
    private final PushProperties properties;
    private final PushEndpoints endpoints;
    private final HttpClient http;

    WebPushSender(VapidKeys vapid, PushProperties properties, PushEndpoints endpoints) {
        this.vapid = vapid;
        this.properties = properties;
        this.endpoints = endpoints;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Outcome send(PushSubscription subscription, byte[] payload) throws IOException, InterruptedException {
        URI endpoint = URI.create(subscription.endpoint());
        try {
            endpoints.checkBeforeSend(endpoint);
        } catch (PushEndpoints.RefusedEndpointException e) {
            log.warn("Not pushing to subscription {}: {}", subscription.id(), e.getMessage());
            return Outcome.REFUSED;
        }
        byte[] body = WebPushEncryption.encrypt(
                payload, Base64Url.decode(subscription.p256dh()), Base64Url.decode(subscription.auth()));
        var request = HttpRequest.newBuilder(endpoint)
                .timeout(properties.timeout())
                .header("Content-Type", "application/octet-stream")
                .header("Content-Encoding", "aes128gcm")
                .header("TTL", Long.toString(properties.ttl().toSeconds()))
                // a due task is worth waking the device for
                .header("Urgency", "high")
                .header("Authorization", vapid.authorization(endpoint, Instant.now()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 404 || status == 410) {
            return Outcome.GONE;
        }
        return status >= 200 && status < 300 ? Outcome.DELIVERED : Outcome.FAILED;
    }
}
