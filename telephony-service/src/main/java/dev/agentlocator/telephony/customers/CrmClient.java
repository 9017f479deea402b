package dev.agentlocator.telephony.customers;

import dev.agentlocator.telephony.providers.Deadline;
import dev.agentlocator.telephony.providers.ProviderCalls;
import dev.agentlocator.telephony.providers.ProviderException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>The service token comes from crm-service, the one signer (ADR 0021): this service
 * authenticates with its own client secret and gets a short-lived token for one tenant, kept
 * until half its life is gone.
 */
@Component
public class CrmClient {

    public static final String PROVIDER = "crm";
    /** How this service introduces itself to crm-service's token endpoint. */
    static final String CLIENT_ID = "telephony-service";

    private static final String LB = "lb://";

    private final CrmProperties properties;
    private final ProviderCalls calls;
    private final JsonMapper json;
    private final Clock clock;
    private final ObjectProvider<LoadBalancerClient> loadBalancer;
    private final Map<UUID, ServiceToken> tokens = new ConcurrentHashMap<>();

    CrmClient(
            CrmProperties properties,
            ProviderCalls calls,
            JsonMapper json,
            Clock clock,
            ObjectProvider<LoadBalancerClient> loadBalancer) {
        this.properties = properties;
        this.calls = calls;
        this.json = json;
        this.clock = clock;
        this.loadBalancer = loadBalancer;
    }

    private record ServiceToken(String value, Instant renewAt) {}

    public record Resolved(UUID customerId, String name, boolean created) {}

    /** @throws ProviderException when crm does not answer in time, is unknown, or refuses */
    public Resolved resolve(UUID tenantId, String phone, Deadline deadline) {
        return resolve(tenantId, phone, deadline, null, null);
    }

    /**
     * @param source the new lead's source when crm files one ({@code whatsapp}); {@code null}: a call
     * @param name the new lead's name (the WhatsApp profile name), or {@code null}
     */
    public Resolved resolve(UUID tenantId, String phone, Deadline deadline, String source, String name) {
        Map<String, String> ask = new java.util.LinkedHashMap<>();
        ask.put("phone", phone);
        if (source != null) {
            ask.put("source", source);
        }
        if (name != null && !name.isBlank()) {
            ask.put("name", name.strip().length() > 200 ? name.strip().substring(0, 200) : name.strip());
        }
        String origin = origin();
        var request = HttpRequest.newBuilder(URI.create(origin + "/internal/customers/resolve"))
                .header("Authorization", "Bearer " + serviceToken(origin, tenantId, deadline))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(ask)));
        byte[] body;
        try {
            body = calls.send(PROVIDER, request, properties.timeout(), deadline, 1)
                    .body();
        } catch (ProviderException e) {
            tokens.remove(tenantId); // if crm refused the token, the next call asks for a new one
            throw e;
        }
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

    private String serviceToken(String origin, UUID tenantId, Deadline deadline) {
        Instant now = clock.instant();
        ServiceToken cached = tokens.get(tenantId);
        if (cached != null && now.isBefore(cached.renewAt())) {
            return cached.value();
        }
        if (properties.clientSecret() == null || properties.clientSecret().isBlank()) {
            throw new ProviderException(
                    PROVIDER,
                    "not_configured",
                    "TELEPHONY_CLIENT_SECRET is not set, so crm-service issues no service token");
        }
        String form = "grant_type=client_credentials&client_id=" + CLIENT_ID + "&client_secret="
                + URLEncoder.encode(properties.clientSecret(), StandardCharsets.UTF_8) + "&tenant_id=" + tenantId;
        var request = HttpRequest.newBuilder(URI.create(origin + "/internal/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        JsonNode answer = json.readTree(
                calls.send(PROVIDER, request, properties.timeout(), deadline, 1).body());
        String token = answer.path("access_token").asString("");
        long lifetime = answer.path("expires_in").asLong(0);
        if (token.isEmpty() || lifetime <= 0) {
            throw new ProviderException(PROVIDER, "bad_answer", "no service token in crm-service's answer");
        }
        tokens.put(tenantId, new ServiceToken(token, now.plusSeconds(lifetime / 2)));
        return token;
    }
}
