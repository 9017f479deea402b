package dev.agentlocator.platform.security.tokens;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The one way a servlet service turns a bearer token into a {@code Jwt}: ES256 only, our checks. */
public final class AccessTokenDecoders {

    /** @param keys crm-service's public keys: a {@link JwkSetCache}, or crm's own set inside crm */
    public static NimbusJwtDecoder blocking(JWKSource<SecurityContext> keys, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(TokenClaims.SPRING_ALGORITHM)
                .build();
        decoder.setJwtValidator(AccessTokenValidator.create(clock));
        return decoder;
    }

    private AccessTokenDecoders() {}
}
