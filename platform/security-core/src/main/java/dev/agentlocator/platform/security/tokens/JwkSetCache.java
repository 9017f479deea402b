package dev.agentlocator.platform.security.tokens;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * crm-service's published public keys (its JWKS), as the gateway and every service hold them.
 *
 * <p>The set is fetched again once it is older than {@code timeToLive}, so a key crm withdraws
 * stops being accepted within that time; and at once (at most every {@code minRefreshInterval})
 * when a token names a key the set does not hold, so a key crm starts signing with is accepted
 * without waiting. While crm cannot be reached the last set fetched stays in use: an outage of the
 * signer does not lock every signed-in user out. Before any set was fetched there is no key, so every
 * token is refused (401, never a 500) until crm answers. Both rules are timed by {@code clock}.
 */
public final class JwkSetCache implements JWKSource<SecurityContext> {

    /** Fetches the JWKS document; throws when it cannot. */
    @FunctionalInterface
    public interface Fetcher {
        String fetch() throws IOException, InterruptedException;
    }

    /**
     * The pause the gateway and the services keep between fetches for unknown keys: a key crm has
     * just started signing with is found at once, a storm of forged key ids costs crm one fetch.
     */
    public static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(JwkSetCache.class);

    private final Fetcher fetcher;
    private final Duration timeToLive;
    private final Duration minRefreshInterval;
    private final Clock clock;

    private JWKSet keys;
    private Instant fetchedAt;
    private Instant lastAttempt;
    private Instant lastUnknownKeyFetch;

    public JwkSetCache(Fetcher fetcher, Duration timeToLive, Duration minRefreshInterval, Clock clock) {
        this.fetcher = fetcher;
        this.timeToLive = timeToLive;
        this.minRefreshInterval = minRefreshInterval;
        this.clock = clock;
    }

    /**
     * Fetches over HTTP from wherever {@code location} says the set is now (it may pick another
     * instance of crm each time), waiting at most {@code timeout}.
     */
    public static Fetcher overHttp(Supplier<URI> location, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        return () -> {
            URI uri = location.get();
            var request = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("Accept", "application/json")
                    .GET()
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(uri + " answered " + response.statusCode());
            }
            return response.body();
        };
    }

    @Override
    public synchronized List<JWK> get(JWKSelector selector, SecurityContext context) {
        Instant now = clock.instant();
        boolean expired = keys == null || !now.isBefore(fetchedAt.plus(timeToLive));
        if (expired && hasPaused(lastAttempt, now)) {
            refresh(now);
        }
        if (keys == null) {
            return List.of();
        }
        List<JWK> found = selector.select(keys);
        if (found.isEmpty() && hasPaused(lastUnknownKeyFetch, now)) {
            lastUnknownKeyFetch = now;
            refresh(now);
            found = selector.select(keys);
        }
        return found;
    }

    /** Whether {@code minRefreshInterval} has passed since {@code last}: a pause that spares crm a storm. */
    private boolean hasPaused(Instant last, Instant now) {
        return last == null || !now.isBefore(last.plus(minRefreshInterval));
    }

    private void refresh(Instant now) {
        lastAttempt = now;
        try {
            keys = JWKSet.parse(fetcher.fetch());
            fetchedAt = now;
        } catch (IOException | ParseException | RuntimeException e) {
            if (keys == null) {
                log.warn("Cannot fetch the token signing keys: {}", e.toString());
            } else {
                log.warn(
                        "Cannot fetch the token signing keys; still using those fetched at {}: {}",
                        fetchedAt,
                        e.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
