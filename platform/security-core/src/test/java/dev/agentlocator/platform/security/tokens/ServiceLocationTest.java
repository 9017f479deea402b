package dev.agentlocator.platform.security.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceLocationTest {

    @Test
    void aServiceNameIsResolvedThroughTheRegistryOnEveryUse() {
        var instances = new java.util.ArrayDeque<>(
                java.util.List.of(URI.create("http://10.0.0.7:8081"), URI.create("http://10.0.0.8:8081/")));
        var location = ServiceLocation.of(
                "lb://crm-service/.well-known/jwks.json",
                service -> service.equals("crm-service") ? Optional.ofNullable(instances.poll()) : Optional.empty());

        assertThat(location.get()).isEqualTo(URI.create("http://10.0.0.7:8081/.well-known/jwks.json"));
        assertThat(location.get()).isEqualTo(URI.create("http://10.0.0.8:8081/.well-known/jwks.json"));
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
