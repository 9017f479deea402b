package dev.agentlocator.gateway;

import dev.agentlocator.testkit.TestJwks;
import dev.agentlocator.testkit.TestJwt;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway on a random port, without Eureka: every service but tasks-service has one instance,
 * a {@link Downstream} echo server, through Spring Cloud's simple discovery client. Subclasses
 * share one application context.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "eureka.client.enabled=false",
            "agentlocator.cors.allowed-origins=" + GatewayIntegrationTest.ALLOWED_ORIGIN,
            "agentlocator.client.dist-dir=target/no-client-here",
            "agentlocator.forwarded.trusted-proxies=" + GatewayIntegrationTest.TRUSTED_PROXY,
        })
@AutoConfigureWebTestClient
public abstract class GatewayIntegrationTest {

    public static final String ALLOWED_ORIGIN = "https://app.agentlocator.test";

    /** The one peer whose X-Forwarded-* the gateway believes, as an ingress in front of it would be. */
    public static final String TRUSTED_PROXY = "127.0.0.9";

    protected static final Downstream CRM = Downstream.start("crm-service");
    protected static final Downstream TELEPHONY = Downstream.start("telephony-service");
    protected static final Downstream BILLING = Downstream.start("billing-service");
    protected static final Downstream TIMELINE = Downstream.start("timeline-service");
    protected static final Downstream NOTIFICATION = Downstream.start("notification-service");

    @Autowired
    protected WebTestClient client;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add(
                "agentlocator.security.jwk-set-uri", () -> TestJwks.shared().url());
        instance(registry, "crm-service", CRM);
        instance(registry, "telephony-service", TELEPHONY);
        instance(registry, "billing-service", BILLING);
        instance(registry, "timeline-service", TIMELINE);
        instance(registry, "notification-service", NOTIFICATION);
    }

    private static void instance(DynamicPropertyRegistry registry, String service, Downstream downstream) {
        registry.add("spring.cloud.discovery.client.simple.instances." + service + "[0].uri", downstream::uri);
    }

    protected static String bearer() {
        return "Bearer " + TestJwt.token(UUID.randomUUID(), UUID.randomUUID(), "owner");
    }

    /** A path no other test uses, so what a service received can be told apart. */
    protected static String unique(String path) {
        return path + "/" + UUID.randomUUID();
    }
}
