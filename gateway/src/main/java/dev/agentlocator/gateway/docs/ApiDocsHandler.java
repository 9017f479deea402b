package dev.agentlocator.gateway.docs;

import dev.agentlocator.gateway.errors.GatewayError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The services' OpenAPI documents as callers of the gateway see them, and the Swagger UI that reads
 * them (ADR 0026). A document is fetched from an instance of the service the registry names and
 * adjusted to the gateway: its only server is the gateway itself, and the operators' paths carry the
 * service's name as the gateway routes them ({@code /api/admin/dead-letters} of billing-service is
 * {@code /api/admin/billing/dead-letters}).
 */
class ApiDocsHandler {

    /** The name in the gateway's paths → the service's name in the registry. */
    static final Map<String, String> SERVICES;

    static {
        Map<String, String> services = new LinkedHashMap<>();
        for (String name : List.of("crm", "telephony", "tasks", "billing", "timeline", "notification")) {
            services.put(name, name + "-service");
        }
        SERVICES = Map.copyOf(services);
    }

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final List<String> WEBJAR_FILES =
            List.of("swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "favicon-32x32.png");
    private static final List<String> OWN_FILES = List.of("index.html", "agentlocator-docs.js");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final DiscoveryClient discovery;
    private final WebClient http;
    private final JsonMapper json;
    private final String swaggerUiVersion;

    ApiDocsHandler(DiscoveryClient discovery, WebClient http, JsonMapper json, String swaggerUiVersion) {
        this.discovery = discovery;
        this.http = http;
        this.json = json;
        this.swaggerUiVersion = swaggerUiVersion;
    }

    /** The documents, as Swagger UI's {@code urls}: [{"name":"crm","url":"/api/docs/crm"}, …]. */
    Mono<ServerResponse> list(ServerRequest request) {
        List<Map<String, String>> urls = new ArrayList<>();
        for (String name : List.of("crm", "telephony", "tasks", "billing", "timeline", "notification")) {
            urls.add(Map.of("name", name, "url", "/api/docs/" + name));
        }
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(urls);
    }

    Mono<ServerResponse> document(ServerRequest request) {
        String name = request.pathVariable("service");
        String service = SERVICES.get(name);
        if (service == null) {
            return error(GatewayError.NOT_FOUND);
        }
        return Mono.fromCallable(() -> discovery.getInstances(service))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(instances -> {
                    if (instances.isEmpty()) {
                        return error(GatewayError.SERVICE_UNAVAILABLE);
                    }
                    ServiceInstance instance =
                            instances.get(ThreadLocalRandom.current().nextInt(instances.size()));
                    return http.get()
                            .uri(instance.getUri() + "/v3/api-docs")
                            .accept(MediaType.APPLICATION_JSON)
                            .retrieve()
                            .bodyToMono(String.class)
                            .timeout(TIMEOUT)
                            .map(body -> asSeenThroughTheGateway(name, body))
                            .flatMap(body -> ServerResponse.ok()
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .cacheControl(CacheControl.noStore())
                                    .bodyValue(body))
                            .onErrorResume(e -> error(GatewayError.SERVICE_UNAVAILABLE));
                });
    }

    /** The UI's own page and script, and swagger-ui's files from its webjar. */
    Mono<ServerResponse> ui(ServerRequest request) {
        String file = request.pathVariables().getOrDefault("file", "index.html");
        Resource resource;
        if (OWN_FILES.contains(file)) {
            resource = new ClassPathResource("api-docs/" + file);
        } else if (WEBJAR_FILES.contains(file)) {
            resource = new ClassPathResource(WEBJAR + swaggerUiVersion + "/" + file);
        } else {
            return error(GatewayError.NOT_FOUND);
        }
        if (!resource.exists()) {
            return error(GatewayError.NOT_FOUND);
        }
        return ServerResponse.ok()
                .contentType(mediaType(file))
                .cacheControl(CacheControl.noCache())
                .bodyValue(resource);
    }

    String asSeenThroughTheGateway(String name, String document) {
        JsonNode tree = json.readTree(document);
        if (!(tree instanceof ObjectNode root)) {
            throw new IllegalStateException("not an OpenAPI document");
        }
        root.putArray("servers").addObject().put("url", "/").put("description", "AgentLocator gateway");
        if (root.get("paths") instanceof ObjectNode paths) {
            ObjectNode renamed = json.createObjectNode();
            paths.properties().forEach(path -> {
                String key = path.getKey();
                if (key.startsWith("/api/admin/")) {
                    key = "/api/admin/" + name + "/" + key.substring("/api/admin/".length());
                }
                renamed.set(key, path.getValue());
            });
            root.set("paths", renamed);
        }
        return json.writeValueAsString(root);
    }

    private static MediaType mediaType(String file) {
        if (file.endsWith(".html")) {
            return MediaType.TEXT_HTML;
        }
        if (file.endsWith(".css")) {
            return MediaType.valueOf("text/css");
        }
        if (file.endsWith(".png")) {
            return MediaType.IMAGE_PNG;
        }
        return MediaType.valueOf("text/javascript");
    }

    private static Mono<ServerResponse> error(GatewayError error) {
        return ServerResponse.status(error.status())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("error", error.code(), "message", error.message()));
    }
}
