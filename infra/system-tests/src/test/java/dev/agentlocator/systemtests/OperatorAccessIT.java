package dev.agentlocator.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ADR 0026 on the real jars: the platform admin from crm's configuration logs in through the
 * gateway and reaches every service's operators' endpoints there, nobody else does, and the
 * services' OpenAPI documents and the Swagger UI are served by the gateway.
 */
class OperatorAccessIT {

    private static Suite suite;

    @BeforeAll
    static void suite() {
        suite = Suite.get();
    }

    @Test
    void thePlatformAdminReachesEveryServicesOperatorsEndpointsThroughTheGateway() {
        var admin = suite.viaGateway().withToken(suite.adminToken());
        for (String service : List.of("crm", "telephony", "tasks", "billing", "timeline", "notification")) {
            var parked = admin.get("/api/admin/" + service + "/outbox/parked");
            assertThat(parked.status()).as(service + " " + parked.body()).isEqualTo(200);
            assertThat(parked.<List<Object>>json("$.items")).as(service).isNotNull();
            var letters = admin.get("/api/admin/" + service + "/dead-letters");
            assertThat(letters.status()).as(service + " " + letters.body()).isEqualTo(200);
        }
        var status = admin.get("/api/admin/timeline/rebuild");
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        assertThat(status.<String>json("$.state")).isIn("idle", "running", "finished", "failed");

        var owner = suite.signUp("operator-check");
        var refused = owner.api(suite).get("/api/admin/crm/outbox/parked");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.<String>json("$.error")).isEqualTo("forbidden");
        assertThat(owner.api(suite).post("/api/admin/timeline/rebuild", "{}").status())
                .isEqualTo(403);
        assertThat(suite.viaGateway().get("/api/admin/billing/dead-letters").status())
                .isEqualTo(401);
    }

    @Test
    void theGatewayServesEachServicesOpenApiDocumentAndTheSwaggerUi() {
        var gateway = suite.viaGateway();
        var list = gateway.get("/api/docs");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.<List<String>>json("$[*].name"))
                .containsExactly("crm", "telephony", "tasks", "billing", "timeline", "notification");
        for (String service : List.of("crm", "telephony", "tasks", "billing", "timeline", "notification")) {
            var document = gateway.get("/api/docs/" + service);
            assertThat(document.status()).as(service + " " + document.body()).isEqualTo(200);
            assertThat(document.<String>json("$.info.title")).isEqualTo("AgentLocator " + service + "-service");
            assertThat(document.<String>json("$.servers[0].url")).isEqualTo("/");
            assertThat(document.<Map<String, Object>>json("$.components.securitySchemes"))
                    .containsKey("bearer");
            Map<String, Object> paths = document.json("$.paths");
            assertThat(paths).containsKey("/api/admin/" + service + "/dead-letters");
            assertThat(paths.keySet()).noneMatch(path -> path.startsWith("/api/admin/dead-letters"));
        }
        assertThat(gateway.get("/api/docs/timeline").<Map<String, Object>>json("$.paths"))
                .containsKey("/api/admin/timeline/rebuild");
        var ui = gateway.get("/api/docs/ui");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("/api/docs/ui/swagger-ui-bundle.js");
        assertThat(gateway.get("/api/docs/ui/swagger-ui-bundle.js").status()).isEqualTo(200);
    }

    @Test
    void theOperatorsScriptWorksThroughTheGatewayWithTheAdminsLogin() throws Exception {
        String parked = script("crm", "outbox", "list");
        assertThat(parked).contains("\"items\"");
        String status = script("timeline", "rebuild", "status");
        assertThat(status).contains("\"state\"");
    }

    /** scripts/messaging-admin.sh as an SRE runs it: the gateway's address and the admin's login. */
    private static String script(String... args) throws Exception {
        var command = new java.util.ArrayList<>(List.of("bash", "../../scripts/messaging-admin.sh"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment()
                .put("GATEWAY_URL", "http://127.0.0.1:" + suite.gateway().port());
        builder.environment().put("ADMIN_EMAIL", Suite.ADMIN_EMAIL);
        builder.environment().put("ADMIN_PASSWORD", Suite.ADMIN_PASSWORD);
        builder.environment().remove("TOKEN");
        builder.environment().remove("SERVICE_URL");
        var process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    static void awaitRebuildFinished(dev.agentlocator.testkit.Api admin) {
        Suite.await(
                "the timeline rebuild to finish",
                Duration.ofMinutes(3),
                () -> !"running".equals(admin.get("/api/admin/timeline/rebuild").json("$.state")));
        var status = admin.get("/api/admin/timeline/rebuild");
        assertThat(status.<String>json("$.state")).as(status.body()).isEqualTo("finished");
    }
}
