package dev.agentlocator.platform.kit.web;

import dev.agentlocator.platform.security.TrustedProxies;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param trustedProxies CIDRs of the gateway and any other hop between it and the service ({@code
 *     SERVICE_TRUSTED_PROXIES}, comma-separated); unset or empty: loopback and the private networks
 *     ({@link TrustedProxies#PRIVATE_NETWORKS}), as a service always has the gateway in front of it
 */
@ConfigurationProperties("agentlocator.forwarded")
public record ForwardedProperties(List<String> trustedProxies) {

    public ForwardedProperties {
        trustedProxies =
                trustedProxies == null || trustedProxies.stream().allMatch(cidr -> cidr == null || cidr.isBlank())
                        ? TrustedProxies.PRIVATE_NETWORKS
                        : List.copyOf(trustedProxies);
    }

    TrustedProxies proxies() {
        try {
            return TrustedProxies.of(trustedProxies);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "SERVICE_TRUSTED_PROXIES (agentlocator.forwarded.trusted-proxies) must be a comma-separated list"
                            + " of CIDRs such as 10.0.0.0/8: " + e.getMessage(),
                    e);
        }
    }
}
