package dev.agentlocator.telephony.customers;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.agentlocator.platform.kit.security.SecurityAutoConfiguration;
import dev.agentlocator.platform.kit.security.SecurityProperties;
import dev.agentlocator.telephony.providers.Deadline;
import dev.agentlocator.telephony.providers.ProviderCalls;
import dev.agentlocator.telephony.providers.ProviderException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks crm-service who owns a phone (finding or creating the lead): {@code POST
 * /internal/customers/resolve} with a service token (ADR 0004), a short timeout and a circuit
 * breaker. Failing is normal here: the caller stores the call with the phone and links it later.
 */
@Component
public class CrmClient {

    public static final String PROVIDER = "crm";
    /** Names this service in its service tokens. */
    static final UUID SERVICE_ID = UUID.nameUUIDFromBytes("telephony-service".getBytes(StandardCharsets.UTF_8));

    private static final String LB = "lb://";

    private final CrmProperties properties;
    private final ProviderCalls calls;
    private final JsonMapper json;
    private final byte[] secret;
    private final ObjectProvider<LoadBalancerClient> loadBalancer;

    CrmClient(
            CrmProperties properties,
            ProviderCalls calls,
            JsonMapper json,
            SecurityProperties security,
            ObjectProvider<LoadBalancerClient> loadBalancer) {
        this.properties = properties;
        this.calls = calls;
        this.json = json;
        this.secret = security.jwtSecret().getBytes(StandardCharsets.UTF_8);
        this.loadBalancer = loadBalancer;
    }

    public record Resolved(UUID customerId, String name, boolean created) {}

    /** @throws ProviderException when crm does not answer in time, is unknown, or refuses */
    public Resolved resolve(UUID tenantId, String phone, Deadline deadline) {
        var request = HttpRequest.newBuilder(URI.create(origin() + "/internal/customers/resolve"))
                .header("Authorization", "Bearer " + serviceToken(tenantId))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(Map.of("phone", phone))));
        byte[] body =
                calls.send(PROVIDER, request, properties.timeout(), deadline, 1).body();
        JsonNode answer = json.readTree(body);
        String id = answer.path("customer").path("id").asString("");
        if (id.isEmpty()) {
            throw new ProviderException(PROVIDER, "bad_answer", "no customer id in the answer");
        }
        return new Resolved(
                UUID.fromString(id),
                answer.path("customer").path("name").asString(null),
                answer.path("created").asBoolean(false));
    }

    private String origin() {
        String base = properties.baseUrl();
        if (!base.startsWith(LB)) {
            return base;
        }
        LoadBalancerClient client = loadBalancer.getIfAvailable();
        ServiceInstance instance = client == null ? null : client.choose(base.substring(LB.length()));
        if (instance == null) {
            throw new ProviderException(PROVIDER, "unreachable", "no instance of " + base + " is registered");
        }
        return instance.getUri().toString();
    }

    private String serviceToken(UUID tenantId) {
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer(SecurityAutoConfiguration.ISSUER)
                .subject(SERVICE_ID.toString())
                .claim("tid", tenantId.toString())
                .claim("roles", List.of("service"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(1))))
                .build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a service token", e);
        }
        return jwt.serialize();
    }
}
