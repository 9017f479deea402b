package dev.agentlocator.platform.security.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ServiceLocationTest {

    @Test
    void aServiceNameIsResolvedThroughTheRegistryOnEveryUse() {
        var registered = new AtomicReference<List<URI>>(List.of(URI.create("http://10.0.0.7:8081")));
        var location = ServiceLocation.of(
                "lb://crm-service/.well-known/jwks.json",
                service -> service.equals("crm-service") ? registered.get() : List.of());

        assertThat(location.get()).isEqualTo(URI.create("http://10.0.0.7:8081/.well-known/jwks.json"));
        registered.set(List.of(URI.create("http://10.0.0.8:8081/")));
        assertThat(location.get()).isEqualTo(URI.create("http://10.0.0.8:8081/.well-known/jwks.json"));
        registered.set(List.of(URI.create("http://10.0.0.7:8081"), URI.create("http://10.0.0.8:8081")));
        var picked = new HashSet<URI>();
        for (int i = 0; i < 100; i++) {
            picked.add(location.get());
        }
        assertThat(picked).as("spread over the instances").hasSize(2);
        registered.set(List.of());
        assertThatIllegalStateException().isThrownBy(location::get).withMessageContaining("crm-service");
    }

    @Test
    void aPlainUrlIsUsedAsItIs() {
        var location = ServiceLocation.of("http://crm-service:8081/.well-known/jwks.json", service -> {
            throw new AssertionError("no registry for a plain URL");
        });
        assertThat(location.get()).isEqualTo(URI.create("http://crm-service:8081/.well-known/jwks.json"));
    }
}
