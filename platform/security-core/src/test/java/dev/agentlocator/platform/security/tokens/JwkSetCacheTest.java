package dev.agentlocator.platform.security.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import dev.agentlocator.testkit.MutableClock;
import dev.agentlocator.testkit.TestJwt;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JwkSetCacheTest {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Duration PAUSE = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock();
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile String published;
    private volatile boolean signerDown;

    private final JwkSetCache cache = new JwkSetCache(
            () -> {
                fetches.incrementAndGet();
                if (signerDown) {
                    throw new IOException("connection refused");
                }
                return published;
            },
            TTL,
            PAUSE,
            clock);

    private final JWK first = TestJwt.generate("first");
    private final JWK second = TestJwt.generate("second");

    @Test
    void keysAreFetchedOnceAndAgainOnlyAfterTheirTimeToLive() {
        publish(first);
        assertThat(find("first")).hasSize(1);
        assertThat(find("first")).hasSize(1);
        assertThat(fetches).hasValue(1);

        publish(second);
        clock.advance(TTL.minusSeconds(1));
        assertThat(find("first")).as("the cached set still holds it").hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(find("first")).as("withdrawn once the set is fetched again").isEmpty();
        assertThat(find("second")).hasSize(1);
    }

    @Test
    void anUnknownKeyFetchesAtOnceButAtMostOncePerPause() {
        publish(first);
        assertThat(find("first")).hasSize(1);

        assertThat(find("second")).isEmpty();
        assertThat(find("second")).isEmpty();
        assertThat(fetches)
                .as("one fetch for the unknown key, none for the retry")
                .hasValue(2);

        publish(first, second);
        clock.advance(PAUSE);
        assertThat(find("second")).hasSize(1);
        assertThat(find("first")).hasSize(1);
        assertThat(fetches).hasValue(3);
    }

    @Test
    void whileTheSignerIsDownTheLastKeysStayInUse() {
        publish(first);
        assertThat(find("first")).hasSize(1);

        signerDown = true;
        clock.advance(TTL.multipliedBy(3));
        assertThat(find("first")).hasSize(1);
        assertThat(fetches).hasValue(2);

        signerDown = false;
        publish(second);
        clock.advance(PAUSE);
        assertThat(find("first"))
                .as("fetched again as soon as the signer answers")
                .isEmpty();
    }

    @Test
    void withoutAnyKeysYetNoKeyIsFoundAndTheSignerIsNotAskedAgainAtOnce() {
        signerDown = true;
        assertThat(find("first")).isEmpty();
        assertThat(find("first")).isEmpty();
        assertThat(fetches).hasValue(1);

        signerDown = false;
        publish(first);
        clock.advance(PAUSE);
        assertThat(find("first")).hasSize(1);
    }

    @Test
    void aDocumentThatIsNotAKeySetCountsAsAFailedFetch() {
        publish(first);
        assertThat(find("first")).hasSize(1);
        published = "<html>maintenance</html>";
        clock.advance(TTL);
        assertThat(find("first")).hasSize(1);
    }

    private void publish(JWK... keys) {
        published = new JWKSet(List.of(keys)).toString(true);
    }

    private List<JWK> find(String keyId) {
        return cache.get(new JWKSelector(new JWKMatcher.Builder().keyID(keyId).build()), null);
    }
}
