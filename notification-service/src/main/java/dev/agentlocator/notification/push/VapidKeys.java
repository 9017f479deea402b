package dev.agentlocator.notification.push;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The VAPID key pair and the ES256 tokens signed with it. In production both keys must be
 * configured; elsewhere a missing pair is generated at start (subscriptions made with it end with
 * the process, which is fine on a developer's machine).
 */
@Component
public class VapidKeys {

    private static final Logger log = LoggerFactory.getLogger(VapidKeys.class);
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    /** RFC 8292 allows at most 24 hours; shorter limits what a leaked token is worth. */
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private final ECPublicKey publicKey;
    private final ECPrivateKey privateKey;
    private final String publicKeyText;
    private final String subject;

    public VapidKeys(VapidProperties properties, Environment environment) {
        this.subject = properties.subject();
        if (properties.publicKey() == null && properties.privateKey() == null) {
            if ("production".equalsIgnoreCase(environment.getProperty("APP_ENV", ""))) {
                throw new IllegalStateException(
                        "VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set in production; refusing to start");
            }
            var pair = P256.generate();
            this.publicKey = (ECPublicKey) pair.getPublic();
            this.privateKey = (ECPrivateKey) pair.getPrivate();
            log.warn("VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY not set: generated an ephemeral VAPID key pair for this"
                    + " process; browser subscriptions will not survive a restart");
        } else if (properties.publicKey() == null || properties.privateKey() == null) {
            throw new IllegalStateException(
                    "Set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither (development)");
        } else {
            try {
                this.publicKey = P256.publicKey(Base64Url.decode(properties.publicKey()));
                this.privateKey = P256.privateKey(Base64Url.decode(properties.privateKey()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY are not base64url P-256 keys", e);
            }
            requireMatchingPair();
        }
        this.publicKeyText = B64URL.encodeToString(P256.encode(publicKey));
    }

    /** What the SPA passes to {@code pushManager.subscribe} as {@code applicationServerKey}. */
    public String publicKey() {
        return publicKeyText;
    }

    /** The {@code Authorization} header value for a request to {@code endpoint} (RFC 8292 §3). */
    String authorization(URI endpoint, Instant now) {
        String audience = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
        String header = B64URL.encodeToString("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = B64URL.encodeToString("{\"aud\":\"%s\",\"exp\":%d,\"sub\":\"%s\"}"
                .formatted(
                        audience,
                        now.plus(TOKEN_LIFETIME).getEpochSecond(),
                        subject.replace("\\", "\\\\").replace("\"", "\\\""))
                .getBytes(StandardCharsets.UTF_8));
        String signingInput = header + "." + claims;
        return "vapid t=" + signingInput + "." + B64URL.encodeToString(sign(signingInput)) + ", k=" + publicKeyText;
    }

    /** JWS ES256 wants the raw 64-byte r||s, which is the JDK's P1363 format. */
    private byte[] sign(String input) {
        try {
            var signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initSign(privateKey);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ES256 signing failed", e);
        }
    }

    /** A public key from another pair would make every push fail with 403; catch that at start. */
    private void requireMatchingPair() {
        try {
            byte[] probe = "vapid-key-check".getBytes(StandardCharsets.US_ASCII);
            var verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(publicKey);
            verifier.update(probe);
            if (!verifier.verify(sign("vapid-key-check"))) {
                throw new IllegalStateException("VAPID_PUBLIC_KEY does not belong to VAPID_PRIVATE_KEY");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot check the VAPID key pair", e);
        }
    }
}
