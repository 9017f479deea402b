package dev.agentlocator.gateway.forwarding;

import dev.agentlocator.platform.security.TrustedProxies;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param trustedProxies CIDRs of the proxies in front of the gateway ({@code
 *     GATEWAY_TRUSTED_PROXIES}, comma-separated): only a request from one of them has its {@code
 *     X-Forwarded-*} headers believed. Empty, the default, for a gateway at the edge.
 */
@ConfigurationProperties("agentlocator.forwarded")
record ForwardedProperties(List<String> trustedProxies) {

    ForwardedProperties {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    TrustedProxies proxies() {
        try {
            return TrustedProxies.of(trustedProxies);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "GATEWAY_TRUSTED_PROXIES (agentlocator.forwarded.trusted-proxies) must be a comma-separated list"
                            + " of CIDRs such as 10.0.0.0/8 (it used to be a regex): " + e.getMessage(),
                    e);
        }
    }
}
