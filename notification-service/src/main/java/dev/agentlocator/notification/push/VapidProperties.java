package dev.agentlocator.notification.push;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The application server's VAPID identity (RFC 8292).
 *
 * @param publicKey {@code VAPID_PUBLIC_KEY}: base64url of the 65-byte uncompressed P-256 point
 * @param privateKey {@code VAPID_PRIVATE_KEY}: base64url of the 32-byte P-256 private scalar
 * @param subject a {@code mailto:} or {@code https:} contact the push services may use
 */
@ConfigurationProperties("agentlocator.push.vapid")
public record VapidProperties(String publicKey, String privateKey, String subject) {

    public VapidProperties {
        publicKey = publicKey == null || publicKey.isBlank() ? null : publicKey.strip();
        privateKey = privateKey == null || privateKey.isBlank() ? null : privateKey.strip();
        subject = subject == null || subject.isBlank() ? "mailto:ops@agentlocator.dev" : subject.strip();
    }
}
