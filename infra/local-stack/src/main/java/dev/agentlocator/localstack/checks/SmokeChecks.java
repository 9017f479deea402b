package dev.agentlocator.localstack.checks;

import com.nimbusds.jose.jwk.ECKey;
import dev.agentlocator.localstack.Console;
import dev.agentlocator.localstack.ServiceSpec;
import dev.agentlocator.localstack.process.ChildEnvironment;
import dev.agentlocator.localstack.readiness.HttpProbe;
import dev.agentlocator.localstack.readiness.Json;
import dev.agentlocator.localstack.readiness.Readiness;
import dev.agentlocator.testkit.Api;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The stack checks of {@code --smoke}: health and probes, metrics and registration of every child,
 * and the gateway's JSON answers for an unknown route and a request without a token.
 */
public final class SmokeChecks {

    /** One check's verdict; {@code detail} says what was seen. */
    public record Result(String name, boolean passed, String detail) {

        static Result pass(String name) {
            return new Result(name, true, "");
        }

        static Result fail(String name, String detail) {
            return new Result(name, false, detail);
        }

        public String line() {
            return (passed ? "PASS " : "FAIL ") + name + (detail.isEmpty() ? "" : " — " + detail);
        }
    }

    private static final String GATEWAY = "http://127.0.0.1:" + ServiceSpec.GATEWAY_PORT;

    private final HttpProbe http;
    private final Readiness readiness;
    private final ECKey signingKey;
    private final String twilioToken;
    private final Path telephonyLog;

    /**
     * {@code signingKey}: the one the stack gave crm-service, to mint a token the gateway accepts; {@code twilioToken}: the
     * one telephony-service verifies webhooks with (null: webhooks are not checked).
     */
    public SmokeChecks(HttpProbe http, Readiness readiness, ECKey signingKey, String twilioToken, Path telephonyLog) {
        this.http = http;
        this.readiness = readiness;
        this.signingKey = signingKey;
        this.twilioToken = twilioToken;
        this.telephonyLog = telephonyLog;
    }

    /** Runs every check, prints a PASS/FAIL line for each and the totals; {@code true} when all passed. */
    public boolean run(ServiceSpec discovery, List<ServiceSpec> applications) {
        List<Result> results = new ArrayList<>();
        List<ServiceSpec> all = new ArrayList<>();
        all.add(discovery);
        all.addAll(applications);
        for (ServiceSpec spec : all) {
            results.add(check(spec.name() + " /actuator/health is UP", () -> health(spec, "")));
            results.add(check(spec.name() + " /actuator/health/liveness is UP", () -> health(spec, "/liveness")));
            results.add(check(spec.name() + " /actuator/health/readiness is UP", () -> health(spec, "/readiness")));
            results.add(check(spec.name() + " /actuator/prometheus has jvm_memory_used_bytes", () -> prometheus(spec)));
        }
        results.add(check(
                "discovery-server answers a registry query without credentials with 401", this::registryIsClosed));
        Set<String> registered = readiness.registeredApplications();
        for (ServiceSpec spec : applications) {
            results.add(check(
                    spec.name() + " is registered in Eureka",
                    () -> registered.contains(spec.eurekaName()) ? "" : "Eureka lists " + registered));
        }
        results.add(check("gateway GET /assets/no-such-file.js answers 404 JSON", this::unknownFile));
        results.add(check(
                "gateway GET /api/nope with a valid token answers 404 {\"error\":\"not_found\"}",
                () -> unknownRoute(Map.of("Authorization", "Bearer " + token()))));
        results.add(check("gateway GET /api/crm/customers without a token answers 401 JSON", this::noToken));
        results.add(check(
                "demo owner logs in through the gateway and sees the seeded customers, tasks and invoices",
                this::demoLogin));
        var compression = new CompressionChecks(GATEWAY);
        results.add(
                check("gateway sends the client's entry script as its brotli copy", compression::clientCodeIsBrotli));
        results.add(check(
                "a page of the demo tenant's customers through the gateway comes back gzip-compressed",
                () -> compression.apiJsonIsGzip(demoLoginAnswer().json("$.accessToken"))));
        String configuredAdmin = System.getenv("PLATFORM_ADMIN_EMAIL");
        if (configuredAdmin == null || configuredAdmin.isBlank()) {
            results.add(check(
                    "platform admin logs in through the gateway and reaches /api/admin/timeline/rebuild and /api/docs/crm",
                    this::platformAdmin));
        }
        if (twilioToken != null) {
            var twilio = new TwilioWebhookChecks(twilioToken, telephonyLog);
            results.add(check(
                    "signed POST /webhook/incoming_call through the gateway answers the greeting and <Record>",
                    twilio::incomingCall));
            results.add(check(
                    "signed POST /webhook/handle_recording of a 1 s recording answers the fallback and records again",
                    twilio::shortRecording));
            results.add(check("signed POST /webhook/call_status through the gateway answers OK", twilio::callStatus));
            results.add(check("a forged Twilio signature is refused with 403", twilio::forgedIsRefused));
            results.add(check("telephony-service logged each of the three webhooks", twilio::logLines));
        }

        long passed = results.stream().filter(Result::passed).count();
        long failed = results.size() - passed;
        results.forEach(r -> Console.plain(r.line()));
        Console.plain(passed + " passed, " + failed + " failed");
        return failed == 0;
    }

    /** A check body returns "" when it passes, else what was wrong. */
    private static Result check(String name, Supplier<String> body) {
        try {
            String problem = body.get();
            return problem.isEmpty() ? Result.pass(name) : Result.fail(name, problem);
        } catch (RuntimeException e) {
            return Result.fail(name, e.toString());
        }
    }

    private String health(ServiceSpec spec, String group) {
        HttpProbe.Response response = http.get(spec.healthUrl() + group, "application/json");
        String status = Json.field(response.body(), "status").orElse(null);
        if (response.status() == 200 && "UP".equals(status)) {
            return "";
        }
        return response.summary() + ", status " + status;
    }

    private String prometheus(ServiceSpec spec) {
        HttpProbe.Response response = http.get(
                "http://127.0.0.1:" + spec.port() + "/actuator/prometheus", "text/plain;version=0.0.4;q=1,*/*;q=0.1");
        if (response.status() != 200) {
            return response.summary();
        }
        return response.body().contains("jvm_memory_used_bytes") ? "" : "no jvm_memory_used_bytes in the answer";
    }

    /** Whoever could read or write the registry could stand in for any service (issue 16). */
    private String registryIsClosed() {
        HttpProbe.Response response =
                http.get("http://127.0.0.1:" + ServiceSpec.DISCOVERY_PORT + "/eureka/apps", "application/json");
        return response.status() == 401 ? "" : response.summary() + ", body " + abbreviate(response.body());
    }

    private String token() {
        return AccessTokens.ofAnOwner(signingKey);
    }

    private String unknownRoute(Map<String, String> headers) {
        HttpProbe.Response response = http.get(GATEWAY + "/api/nope", "application/json", headers);
        String error = Json.field(response.body(), "error").orElse(null);
        if (response.status() == 404 && "not_found".equals(error)) {
            return "";
        }
        return response.summary() + ", body " + abbreviate(response.body());
    }

    private String unknownFile() {
        HttpProbe.Response response = http.get(GATEWAY + "/assets/no-such-file.js", "*/*");
        String error = Json.field(response.body(), "error").orElse(null);
        if (response.status() == 404 && "not_found".equals(error)) {
            return "";
        }
        return response.summary() + ", body " + abbreviate(response.body());
    }

    /** The seeded demo tenant, reached the way the web client reaches it. */
    private String demoLogin() {
        var login = demoLoginAnswer();
        if (login.status() != 200) {
            return "login: HTTP " + login.status() + ", body " + abbreviate(login.body());
        }
        Api demo = Api.at(GATEWAY).withToken(login.<String>json("$.accessToken"));
        var customers = demo.get("/api/crm/customers?limit=5");
        if (customers.status() != 200) {
            return "customers: HTTP " + customers.status() + ", body " + abbreviate(customers.body());
        }
        int total = customers.<Integer>json("$.total");
        if (total < 40) {
            return "only " + total + " demo customers";
        }
        var invoices = demo.get("/api/invoices?limit=1");
        var tasks = demo.get("/api/tasks?limit=1");
        if (invoices.status() != 200 || tasks.status() != 200) {
            return "invoices: HTTP " + invoices.status() + ", tasks: HTTP " + tasks.status();
        }
        int invoiceCount = invoices.<Integer>json("$.total");
        int taskCount = tasks.<Integer>json("$.total");
        return invoiceCount >= 5 && taskCount >= 6
                ? ""
                : "demo activity missing: " + invoiceCount + " invoices, " + taskCount + " tasks";
    }

    /** The operators' login of the local stack (ADR 0026), through the gateway. */
    private String platformAdmin() {
        Api gateway = Api.at(GATEWAY);
        var login = gateway.post(
                "/api/auth/login", """
                {"email":"%s","password":"%s"}""".formatted(ChildEnvironment.ADMIN_EMAIL, ChildEnvironment.ADMIN_PASSWORD));
        if (login.status() != 200) {
            return "login: HTTP " + login.status() + ", body " + abbreviate(login.body());
        }
        Api admin = gateway.withToken(login.<String>json("$.accessToken"));
        var rebuild = admin.get("/api/admin/timeline/rebuild");
        if (rebuild.status() != 200) {
            return "rebuild status: HTTP " + rebuild.status() + ", body " + abbreviate(rebuild.body());
        }
        var docs = admin.get("/api/docs/crm");
        if (docs.status() != 200) {
            return "/api/docs/crm: HTTP " + docs.status() + ", body " + abbreviate(docs.body());
        }
        return "";
    }

    private static Api.Response demoLoginAnswer() {
        return Api.at(GATEWAY)
                .post("/api/auth/login", "{\"email\":\"demo@agentlocator.dev\",\"password\":\"demo1234!\"}");
    }

    private String noToken() {
        HttpProbe.Response response = http.get(GATEWAY + "/api/crm/customers", "application/json");
        boolean json = response.isJson()
                && Json.parse(response.body()).filter(n -> n.isObject()).isPresent();
        if (response.status() == 401 && json) {
            return "";
        }
        return response.summary() + ", Content-Type " + response.contentType() + ", body "
                + abbreviate(response.body());
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return flat.isEmpty() ? "(empty)" : flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
