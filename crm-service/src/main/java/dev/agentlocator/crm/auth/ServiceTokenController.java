package dev.agentlocator.crm.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentlocator.platform.kit.errors.ApiException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The token endpoint for services (RFC 6749 §4.4, client credentials in the form body), plus the
 * tenant the token is for. Under {@code /internal/**}, which the gateway never routes.
 */
@RestController
class ServiceTokenController {

    static final String PATH = "/internal/auth/token";

    private final ServiceTokens tokens;

    ServiceTokenController(ServiceTokens tokens) {
        this.tokens = tokens;
    }

    record ServiceTokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn) {}

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ServiceTokenResponse token(@RequestBody MultiValueMap<String, String> form) {
        if (!"client_credentials".equals(form.getFirst("grant_type"))) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST, "unsupported_grant_type", "grant_type חייב להיות client_credentials");
        }
        UUID tenant = uuid(form.getFirst("tenant_id"));
        var issued = tokens.issue(form.getFirst("client_id"), form.getFirst("client_secret"), tenant);
        return new ServiceTokenResponse(issued.token(), "Bearer", issued.expiresInSeconds());
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_request", "tenant_id חייב להיות מזהה תקין");
        }
    }
}
