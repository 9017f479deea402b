package dev.agentlocator.platform.security.tokens;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What the gateway and every service check once the signature holds: issued by the suite, within
 * its lifetime (by {@code clock}), and naming a user (or service) and a tenant. The gateway checks
 * the same as the services, so a token it lets through is never refused for its claims downstream.
 */
public final class AccessTokenValidator implements OAuth2TokenValidator<Jwt> {

    private final OAuth2TokenValidator<Jwt> checks;

    private AccessTokenValidator(Clock clock) {
        var lifetime = new JwtTimestampValidator();
        lifetime.setClock(clock);
        this.checks = JwtValidators.createDefaultWithValidators(
                List.of(lifetime, new JwtIssuerValidator(TokenClaims.ISSUER), AccessTokenValidator::namesCaller));
    }

    public static AccessTokenValidator create(Clock clock) {
        return new AccessTokenValidator(clock);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        return checks.validate(jwt);
    }

    private static OAuth2TokenValidatorResult namesCaller(Jwt jwt) {
        if (isUuid(jwt.getSubject()) && isUuid(jwt.getClaimAsString(TokenClaims.TENANT))) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(
                new OAuth2Error("invalid_token", "Token lacks a user or tenant id", null));
    }

    private static boolean isUuid(String value) {
        if (value == null) {
            return false;
        }
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
