package dev.agentlocator.crm.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.agentlocator.crm.users.User;
import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.SecurityAutoConfiguration;
import dev.agentlocator.platform.kit.security.SecurityProperties;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Signs access tokens with the secret every service validates (HS256, issuer "agentlocator"). */
@Component
class AccessTokens {

    private final MACSigner signer;
    private final AuthProperties properties;

    AccessTokens(SecurityProperties security, AuthProperties properties) throws JOSEException {
        this.signer = new MACSigner(security.jwtSecret().getBytes(StandardCharsets.UTF_8));
        this.properties = properties;
    }

    String issue(User user) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(SecurityAutoConfiguration.ISSUER)
                .subject(user.id().toString())
                .jwtID(UUID.randomUUID().toString())
                .claim(CurrentUser.TENANT_CLAIM, user.tenantId().toString())
                .claim(CurrentUser.ROLES_CLAIM, List.of(user.role()))
                .claim("email", user.email())
                .claim("name", user.name())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.accessTokenTtl())))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign an access token", e);
        }
        return jwt.serialize();
    }

    long expiresInSeconds() {
        return properties.accessTokenTtl().toSeconds();
    }
}
