package dev.agentlocator.billing.contracts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param signingLinkTtl how long a signing link works after it is sent
 * @param signingPath the SPA route the link opens, followed by the token
 * @param maxSignatureBytes the largest signature image accepted, decoded
 * @param publicRequestsPerMinute per client address, on the public signing endpoints
 * @param publicBurst requests a client may make at once before the per-minute rate applies
 */
@Validated
@ConfigurationProperties("agentlocator.billing.contracts")
public record ContractsProperties(
        @DefaultValue("P7D") Duration signingLinkTtl,
        @DefaultValue("/sign/") String signingPath,
        @DefaultValue("204800") int maxSignatureBytes,
        @DefaultValue("30") int publicRequestsPerMinute,
        @DefaultValue("20") int publicBurst) {

    public ContractsProperties {
        if (signingLinkTtl.isNegative() || signingLinkTtl.isZero()) {
            throw new IllegalStateException("agentlocator.billing.contracts.signing-link-ttl must be positive");
        }
        if (maxSignatureBytes < 1 || publicRequestsPerMinute < 1 || publicBurst < 1) {
            throw new IllegalStateException("agentlocator.billing.contracts limits must be positive");
        }
    }
}
