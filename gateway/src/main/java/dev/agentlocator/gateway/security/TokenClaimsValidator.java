package dev.agentlocator.gateway.security;

import java.util.UUID;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** Every service refuses a token without a user and a tenant; refusing it here saves the trip. */
final class TokenClaimsValidator implements OAuth2TokenValidator<Jwt> {

    static final String TENANT_CLAIM = "tid";

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        if (isUuid(jwt.getSubject()) && isUuid(jwt.getClaimAsString(TENANT_CLAIM))) {
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
