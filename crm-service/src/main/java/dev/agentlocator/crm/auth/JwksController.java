package dev.agentlocator.crm.auth;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public keys the gateway and the services verify tokens with (RFC 7517). They fetch it from
 * an instance found in the registry, not through the gateway, which does not route it (ADR 0021).
 */
@RestController
class JwksController {

    static final String PATH = "/.well-known/jwks.json";

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> jwks() {
        return keys.published().toJSONObject(true);
    }
}
