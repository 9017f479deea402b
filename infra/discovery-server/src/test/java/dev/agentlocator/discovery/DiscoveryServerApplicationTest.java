package dev.agentlocator.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootTest(
        classes = DiscoveryServerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "EUREKA_USERNAME=" + DiscoveryServerApplicationTest.USERNAME,
            "EUREKA_PASSWORD=" + DiscoveryServerApplicationTest.PASSWORD
        })
class DiscoveryServerApplicationTest {

    static final String USERNAME = "registry-test";
    static final String PASSWORD = "test-registry-password-0123456789";

    /** An instance as a Eureka client registers it (POST /eureka/apps/{app}). */
    private static final String IMPOSTOR = """
            {"instance":{"instanceId":"impostor:crm-service:8081","hostName":"203.0.113.7",
            "app":"CRM-SERVICE","ipAddr":"203.0.113.7","status":"UP",
            "port":{"$":8081,"@enabled":"true"},"securePort":{"$":443,"@enabled":"false"},
            "dataCenterInfo":{"@class":"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo","name":"MyOwn"},
            "vipAddress":"crm-service"}}
            """;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Test
    void healthAndMetricsAnswerWithoutCredentials() throws Exception {
        HttpResponse<String> health = get("/actuator/health", Map.of());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");

        assertThat(get("/actuator/health/liveness", Map.of()).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", Map.of()).statusCode()).isEqualTo(200);

        HttpResponse<String> prometheus = get("/actuator/prometheus", Map.of("Accept", "text/plain"));
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void theRegistryAnswersOnlyWithItsCredentials() throws Exception {
        assertThat(get("/eureka/apps", Map.of()).statusCode()).isEqualTo(401);
        assertThat(get("/eureka/apps", basic(USERNAME, "not-the-registry-password"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(get("/", Map.of()).statusCode()).as("the console").isEqualTo(401);

        HttpResponse<String> apps = get("/eureka/apps", basic(USERNAME, PASSWORD));
        assertThat(apps.statusCode()).isEqualTo(200);
        assertThat(apps.body()).contains("\"applications\"");
    }

    @Test
    void aRegistrationWithoutCredentialsIsRefusedAndListsNothing() throws Exception {
        HttpResponse<String> anonymous = post("/eureka/apps/CRM-SERVICE", IMPOSTOR, Map.of());
        HttpResponse<String> wrongPassword =
                post("/eureka/apps/CRM-SERVICE", IMPOSTOR, basic(USERNAME, "guessed-password-0123456789"));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(get("/eureka/apps/CRM-SERVICE", basic(USERNAME, PASSWORD)).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aClientWithTheCredentialsInItsUrlRegistersAndOneWithoutDoesNot() throws Exception {
        String registry = "http://127.0.0.1:" + port + "/eureka/";
        try (var stranger = client("stranger-service", registry);
                var tasks = client("tasks-service", registry.replace("://", "://" + USERNAME + ":" + PASSWORD + "@"))) {
            HttpResponse<String> registered = get("/eureka/apps/TASKS-SERVICE", basic(USERNAME, PASSWORD));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (registered.statusCode() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                registered = get("/eureka/apps/TASKS-SERVICE", basic(USERNAME, PASSWORD));
            }
            assertThat(registered.statusCode()).isEqualTo(200);
            assertThat(registered.body()).contains("\"status\":\"UP\"");
            assertThat(get("/eureka/apps/STRANGER-SERVICE", basic(USERNAME, PASSWORD))
                            .statusCode())
                    .isEqualTo(404);
        }
    }

    /**
     * A real Spring Cloud Eureka client, as every service and the gateway run one: over RestClient
     * (the services have no Jersey; this module has it only for the server).
     */
    private static ConfigurableApplicationContext client(String name, String registry) {
        // Arguments, not default properties: this module's application.yml (the server's) is on the
        // class path too and would win over defaults.
        return new SpringApplicationBuilder(EurekaClientApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--spring.application.name=" + name,
                        "--eureka.client.service-url.defaultZone=" + registry,
                        "--eureka.client.jersey.enabled=false",
                        "--eureka.client.register-with-eureka=true",
                        "--eureka.client.fetch-registry=false",
                        "--eureka.instance.prefer-ip-address=true",
                        "--eureka.instance.ip-address=127.0.0.1",
                        "--eureka.instance.non-secure-port=18083",
                        "--spring.main.banner-mode=off");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class EurekaClientApplication {}

    private static Map<String, String> basic(String username, String password) {
        return Map.of(
                "Authorization",
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10))
                .GET();
        headers.forEach(request::setHeader);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::setHeader);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
