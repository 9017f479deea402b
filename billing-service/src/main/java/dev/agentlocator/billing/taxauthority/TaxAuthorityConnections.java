package dev.agentlocator.billing.taxauthority;

import dev.agentlocator.billing.allocation.AllocationProvider;
import dev.agentlocator.billing.allocation.ProviderConnected;
import dev.agentlocator.billing.taxauthority.TaxAuthorityClient.TokenAnswer;
import dev.agentlocator.billing.taxauthority.TaxAuthorityClient.Tokens;
import dev.agentlocator.billing.taxauthority.TaxAuthorityConnectionRepository.EncryptedTokens;
import dev.agentlocator.billing.taxauthority.TaxAuthorityConnectionRepository.Stored;
import dev.agentlocator.platform.kit.errors.ApiException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A business's connection to the Tax Authority: the owner's one-time consent (OAuth2 authorization
 * code), the tokens it yields, kept encrypted, the 10-minute access token renewed with the refresh
 * token, and the refresh token's expiry, after which the owner must consent again.
 */
@Service
public class TaxAuthorityConnections {

    static final String NOT_CONFIGURED =
            "החיבור לרשות המסים אינו מוגדר בשרת, ולכן מספרי ההקצאה מונפקים בסביבת ניסוי. פנו למנהל המערכת.";
    static final String INVALID_STATE =
            "בקשת החיבור לרשות המסים אינה תקפה או שפג תוקפה. יש להתחיל את החיבור מחדש מההגדרות.";
    static final String CONSENT_REFUSED =
            "רשות המסים לא אישרה את החיבור (ייתכן שהקוד פג תוקף). יש להתחיל את החיבור מחדש מההגדרות.";
    static final String UNAVAILABLE = "רשות המסים אינה זמינה כרגע. נסו שוב בעוד כמה דקות.";

    /** Renewed this long before the access token's own expiry, so it never expires on the way. */
    private static final Duration EARLY = Duration.ofSeconds(60);

    /** What the owner sees about the connection; {@code provider} is the one allocating now. */
    public record Status(
            String provider,
            boolean connected,
            OffsetDateTime connectedAt,
            OffsetDateTime accessTokenExpiresAt,
            OffsetDateTime refreshTokenExpiresAt,
            boolean reconsentRequired,
            boolean reconsentDueSoon) {}

    /** A started connect: where to send the owner's browser. */
    public record Started(URI authorizationUrl, OffsetDateTime expiresAt) {}

    /** An access token for the approval call, or why there is none. */
    record Access(String token, AllocationProvider.Outcome problem, String message, String detail) {
        static Access of(String token) {
            return new Access(token, null, null, null);
        }
    }

    static final String RECONNECT = "העסק אינו מחובר לרשות המסים, או שתוקף ההסכמה פג. יש לחבר את העסק מחדש"
            + " בהגדרות (חיבור לרשות המסים); החשבונית תישלח אוטומטית לאחר החיבור.";

    private final TaxAuthorityProperties properties;
    private final TaxAuthorityClient client;
    private final TokenCipher cipher;
    private final TaxAuthorityConnectionRepository connections;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TaxAuthorityConnections(
            TaxAuthorityProperties properties,
            TaxAuthorityClient client,
            TokenCipher cipher,
            TaxAuthorityConnectionRepository connections,
            TransactionTemplate transactions,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.properties = properties;
        this.client = client;
        this.cipher = cipher;
        this.connections = connections;
        this.transactions = transactions;
        this.publisher = publisher;
        this.clock = clock;
    }

    public Status status(UUID tenantId, String provider) {
        Instant now = clock.instant();
        return connections
                .find(tenantId, false)
                .map(s -> {
                    boolean expired = !s.refreshExpiresAt().toInstant().isAfter(now);
                    boolean soon = !expired
                            && s.refreshExpiresAt().toInstant().isBefore(now.plus(properties.reconsentWarning()));
                    return new Status(
                            provider,
                            !expired,
                            s.consentedAt(),
                            s.accessExpiresAt(),
                            s.refreshExpiresAt(),
                            expired,
                            soon);
                })
                .orElse(new Status(provider, false, null, null, null, false, false));
    }

    /** Starts a connect for the owner: a single-use state bound to the tenant and the owner. */
    public Started start(UUID tenantId, UUID userId) {
        requireConfigured();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = clock.instant().plus(properties.stateTtl());
        connections.saveState(sha256(state), tenantId, userId, expires);
        return new Started(client.authorizationUrl(state), at(expires));
    }

    /**
     * Completes a connect with what the Tax Authority sent back to the redirect URI. The state must be
     * the owner's own, unused and in time; it is used up before the code is exchanged, so a replayed
     * callback never exchanges twice.
     */
    public Status complete(UUID tenantId, UUID userId, String code, String state, String provider) {
        requireConfigured();
        Instant now = clock.instant();
        if (!connections.useState(sha256(state), tenantId, userId, now)) {
            throw ApiException.badRequest("invalid_state", INVALID_STATE);
        }
        TokenAnswer answer;
        try {
            answer = client.exchange(code);
        } catch (TaxAuthorityClient.Unreachable e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "tax_authority_unavailable", UNAVAILABLE);
        }
        if (!answer.granted()) {
            if (answer.status() >= 500) {
                throw new ApiException(HttpStatus.BAD_GATEWAY, "tax_authority_unavailable", UNAVAILABLE);
            }
            throw ApiException.badRequest("consent_refused", CONSENT_REFUSED);
        }
        if (answer.tokens().refreshToken() == null) {
            // Without a refresh token the connection would die with its first access token.
            throw ApiException.badRequest("consent_refused", CONSENT_REFUSED);
        }
        Tokens tokens = answer.tokens();
        transactions.executeWithoutResult(tx -> {
            Instant received = clock.instant();
            connections.connect(
                    tenantId,
                    new EncryptedTokens(
                            cipher.encrypt(tenantId, tokens.accessToken()),
                            cipher.encrypt(tenantId, tokens.refreshToken()),
                            received.plusSeconds(tokens.expiresIn()),
                            refreshExpiry(tokens, received)),
                    consentedAt(tokens, received),
                    userId,
                    received);
            publisher.publishEvent(new ProviderConnected(tenantId));
        });
        return status(tenantId, provider);
    }

    public void disconnect(UUID tenantId) {
        connections.delete(tenantId);
    }

    /**
     * A valid access token, renewed with the refresh token when it is about to expire. The renewal runs
     * under the connection's row lock: the Tax Authority may rotate the refresh token, and two renewals
     * at once would leave one of them holding a spent one.
     */
    Access access(UUID tenantId) {
        return renew(tenantId, null);
    }

    /** After the service refused {@code rejected} (401): renews unless another worker already did. */
    Access renewAfterRejection(UUID tenantId, String rejected) {
        return renew(tenantId, rejected);
    }

    private Access renew(UUID tenantId, String rejected) {
        return transactions.execute(tx -> {
            Instant now = clock.instant();
            Stored s = connections.find(tenantId, true).orElse(null);
            if (s == null || !s.refreshExpiresAt().toInstant().isAfter(now)) {
                return new Access(null, AllocationProvider.Outcome.RECONNECT, RECONNECT, "no usable connection");
            }
            String current = cipher.decrypt(tenantId, s.access());
            boolean fresh = s.accessExpiresAt().toInstant().isAfter(now.plus(EARLY));
            if (fresh && !current.equals(rejected)) {
                return Access.of(current);
            }
            TokenAnswer answer;
            try {
                answer = client.refresh(cipher.decrypt(tenantId, s.refresh()));
            } catch (TaxAuthorityClient.Unreachable e) {
                return new Access(null, AllocationProvider.Outcome.RETRY, null, e.getMessage());
            }
            if (!answer.granted()) {
                if (answer.status() >= 500 || answer.status() == 429 || answer.status() == 408) {
                    return new Access(
                            null, AllocationProvider.Outcome.RETRY, null, "token endpoint " + answer.status());
                }
                // invalid_grant and the like: the consent is spent; only the owner can renew it.
                connections.expireConsent(tenantId, now);
                return new Access(
                        null,
                        AllocationProvider.Outcome.RECONNECT,
                        RECONNECT,
                        "refresh refused: " + answer.status() + " " + answer.error());
            }
            Tokens tokens = answer.tokens();
            connections.renew(
                    tenantId,
                    new EncryptedTokens(
                            cipher.encrypt(tenantId, tokens.accessToken()),
                            tokens.refreshToken() == null ? null : cipher.encrypt(tenantId, tokens.refreshToken()),
                            now.plusSeconds(tokens.expiresIn()),
                            tokens.refreshTokenExpiresIn() == null
                                    ? s.refreshExpiresAt().toInstant()
                                    : refreshExpiry(tokens, now)),
                    now);
            return Access.of(tokens.accessToken());
        });
    }

    /**
     * The refresh token lasts {@code refresh_token_expires_in} from the consent ({@code consented_on},
     * Unix seconds), not from this renewal: renewing does not postpone re-consent.
     */
    private static Instant refreshExpiry(Tokens tokens, Instant received) {
        long lifetime = tokens.refreshTokenExpiresIn() == null ? 30L * 24 * 3600 : tokens.refreshTokenExpiresIn();
        return consentedAt(tokens, received).plusSeconds(lifetime);
    }

    private static Instant consentedAt(Tokens tokens, Instant received) {
        return tokens.consentedOn() == null ? received : Instant.ofEpochSecond(tokens.consentedOn());
    }

    private void requireConfigured() {
        if (!properties.configured()) {
            throw new ApiException(HttpStatus.CONFLICT, "tax_authority_not_configured", NOT_CONFIGURED);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
