package dev.agentlocator.crm.auth;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * crm-service as the suite's one token signer (ADR 0021).
 *
 * @param signingKeys {@code TOKEN_SIGNING_KEYS}: a JWK set of P-256 keys; the first, with its
 *     private part, signs; every key is published (a key on its way out may be public only)
 * @param serviceClients the services that may ask for a service token, by name, with the secret
 *     each authenticates with; a client with a blank secret is refused
 * @param serviceTokenTtl lifetime of a service token
 */
@ConfigurationProperties("agentlocator.tokens")
record TokenProperties(
        String signingKeys,
        Map<String, String> serviceClients,
        @DefaultValue("5m") Duration serviceTokenTtl) {

    TokenProperties {
        serviceClients = serviceClients == null ? Map.of() : Map.copyOf(serviceClients);
    }
}
