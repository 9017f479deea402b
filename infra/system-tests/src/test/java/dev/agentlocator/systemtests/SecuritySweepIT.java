package dev.agentlocator.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.systemtests.OpenApi.Operation;
import dev.agentlocator.systemtests.Suite.Tenant;
import dev.agentlocator.testkit.TestJwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.AntPathMatcher;
import tools.jackson.databind.JsonNode;

/**
 * Walks every operation of every service's OpenAPI document (read at run time, so routes added
 * later are swept too) through the real gateway and, for defence in depth, directly at the service:
 * bad or missing tokens → 401 JSON, another tenant's token on tenant A's ids → 404 / 403 with none
 * of A's data, and hostile bodies on every write route → 4xx JSON, never 5xx, nothing written.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuritySweepIT {

    /** Public at the gateway: gateway/.../security/SecurityConfiguration.PUBLIC. */
    private static final List<String> GATEWAY_PUBLIC_POST = List.of(
            "/api/auth/signup",
            "/api/auth/login",
            "/api/auth/refresh",
            "/api/auth/verify-email",
            "/api/auth/verify-email/resend",
            "/api/auth/password/forgot",
            "/api/auth/password/reset",
            "/api/auth/email/confirm",
            "/api/auth/invitations/accept");

    private static final List<String> GATEWAY_PUBLIC_ANY =
            List.of("/webhook/**", "/static/voice_responses/**", "/api/public/sign/**", "/ws/**");

    private static final List<String> GATEWAY_PUBLIC_GET = List.of("/api/notifications/vapid-public-key");

    /** Public at the services: service-kit's ALWAYS_PUBLIC and each application.yml's public-paths. */
    private static final Map<String, List<String>> SERVICE_PUBLIC = Map.of(
            "crm-service",
                    List.of(
                            "/api/auth/signup",
                            "/api/auth/login",
                            "/api/auth/refresh",
                            "/api/auth/logout",
                            // ADR 0031: the mailed links of self-service accounts
                            "/api/auth/verify-email",
                            "/api/auth/verify-email/resend",
                            "/api/auth/password/forgot",
                            "/api/auth/password/reset",
                            "/api/auth/email/confirm",
                            "/api/auth/invitations/accept",
                            // ADR 0021: the public keys, and the token endpoint that checks a client secret
                            "/.well-known/jwks.json",
                            "/internal/auth/token"),
            "billing-service", List.of("/api/public/sign/**"),
            "notification-service", List.of("/ws/**", "/api/notifications/vapid-public-key"),
            "telephony-service", List.of("/webhook/**", "/static/voice_responses/**"));

    private static final String SQL = "' OR '1'='1'; DROP TABLE customers; -- \" ; SELECT pg_sleep(5); --";
    private static final String SCRIPT = "<script>alert(document.cookie)</script>\"><img src=x onerror=alert(1)>";
    private static final int HUGE = 5 * 1024 * 1024;

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private static Suite suite;
    private static Tenant tenantA;
    private static Tenant tenantB;
    private static final Map<String, String> idsOfA = new LinkedHashMap<>();
    private static final Set<String> markersOfA = new LinkedHashSet<>();
    private static final List<Operation> operations = new ArrayList<>();
    private static List<String> gatewayRoutes;

    @BeforeAll
    static void suiteWithTwoTenants() {
        suite = Suite.get();
        gatewayRoutes = gatewayRoutePatterns();
        tenantA = suite.signUp("tenant-a");
        tenantB = suite.signUp("tenant-b");
        var a = tenantA.api(suite);

        String marker = "סוויפ" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        String phone = "+97252" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        var customer = a.post("/api/crm/customers", """
                {"name":"%s לקוח","phone":"%s","email":"%s@example.test","notes":"%s הערות"}""".formatted(marker, phone, marker.substring(5), marker));
        assertThat(customer.status()).as(customer.body()).isEqualTo(201);
        String customerId = customer.json("$.id");
        idsOfA.put("customer", customerId);
        markersOfA.addAll(List.of(marker, phone.substring(6), tenantA.id().toString(), tenantA.email()));

        var task = a.post("/api/tasks", """
                {"title":"%s משימה","customerId":"%s","dueAt":"%s","channel":"call"}""".formatted(
                        marker, customerId, OffsetDateTime.now(ZoneOffset.UTC).plusDays(2)));
        assertThat(task.status()).as(task.body()).isEqualTo(201);
        idsOfA.put("task", task.json("$.id"));

        String lines = "[{\"description\":\"" + marker + " שורה\",\"quantity\":1,\"unitPriceAgorot\":10000}]";
        // billing learns the customer from crm's events: retry until it has
        Suite.await("billing to know tenant A's customer", Duration.ofSeconds(60), () -> {
            var contract = a.post("/api/contracts", """
                    {"customerId":"%s","title":"%s חוזה","terms":"%s","lines":%s}""".formatted(customerId, marker, marker, lines));
            if (contract.status() == 201) {
                idsOfA.put("contract", contract.json("$.id"));
                return true;
            }
            return false;
        });
        var invoice = a.post("/api/invoices", """
                {"customerId":"%s","type":"tax_invoice","lines":%s}""".formatted(customerId, lines));
        assertThat(invoice.status()).as(invoice.body()).isEqualTo(201);
        idsOfA.put("invoice", invoice.json("$.id"));

        // telephony too learns the customer from events; sandbox mode stores without sending
        Suite.await(
                "a WhatsApp message of tenant A",
                Duration.ofSeconds(60),
                // outside the 24-hour window: the opening template, which names the customer (the marker)
                () -> a.post("/api/customers/" + customerId + "/whatsapp/start", "{}")
                                .status()
                        == 201);
        var call = a.post("/api/customers/" + customerId + "/call/start", "{\"agentPhone\":\"+972501112233\"}");
        assertThat(call.status()).as(call.body()).isEqualTo(201);
        idsOfA.put("call", call.json("$.id"));

        Suite.await(
                "tenant A's customer on its timeline",
                Duration.ofSeconds(60),
                () -> a.get("/api/customers/" + customerId + "/timeline").status() == 200);

        for (var entry : suite.services().entrySet()) {
            var docs = entry.getValue().api().get("/v3/api-docs");
            assertThat(docs.status()).as(entry.getKey() + " /v3/api-docs").isEqualTo(200);
            operations.addAll(OpenApi.parse(docs.body()).operations(entry.getKey()));
        }
        // GETs first: the cross-tenant writes below may make B name A's ids in B's own records
        operations.sort(java.util.Comparator.comparing(op -> op.method().equals("GET") ? 0 : 1));
    }

    @Test
    @Order(1)
    void everyServiceDocumentsItsRoutes() {
        Map<String, Long> perService = new TreeMap<>();
        operations.forEach(op -> perService.merge(op.service(), 1L, Long::sum));
        System.out.println("Operations per service: " + perService);
        assertThat(operations)
                .as("service-kit's /error page is not an API route")
                .noneMatch(op -> op.path().equals("/error"));
        assertThat(perService).as("operations per service").containsOnlyKeys(Suite.SERVICES.keySet());
        assertThat(operations.size()).as("operations in all").isGreaterThan(40);
    }

    @Test
    @Order(2)
    void theSweepCanSeeTenantAsData() {
        // the control: the leak check below would notice A's data, as A itself sees it here
        var own = tenantA.api(suite).get("/api/crm/customers/" + idsOfA.get("customer"));
        assertThat(own.status()).isEqualTo(200);
        assertThat(leaks(own.body())).isNotEmpty();
    }

    @Test
    @Order(3)
    void withoutAValidTokenEveryRouteIsRefusedWith401Json() {
        UUID someone = UUID.randomUUID();
        Map<String, String> badTokens = new LinkedHashMap<>();
        badTokens.put("no token", null);
        badTokens.put("expired token", TestJwt.expired(tenantA.ownerId(), tenantA.id(), "owner"));
        badTokens.put("token signed with another key", TestJwt.signedWithWrongKey(someone, tenantA.id(), "owner"));
        // ADR 0021: only crm's published ES256 keys count; a shared-secret token of the old kind does not
        badTokens.put("HS256 token", TestJwt.signedWithSharedSecret(tenantA.ownerId(), tenantA.id(), "owner"));
        // ADR 0004: a service token (role "service") must not act as a user on /api/**
        badTokens.put("service token", TestJwt.token(UUID.randomUUID(), tenantA.id(), "service"));

        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Operation op : operations) {
            String path = fill(op.path());
            for (var layer : layers(op)) {
                for (var bad : badTokens.entrySet()) {
                    if (bad.getKey().equals("service token")
                            && (op.path().startsWith("/internal/") || isPublicAtService(op))) {
                        continue; // where a service token is meant to work, or any caller may come
                    }
                    var reply = send(layer.port(), op, path, bad.getValue(), validBody(op));
                    checked++;
                    String expected = expectationWithoutToken(op, layer.name(), bad.getKey(), reply);
                    if (expected != null) {
                        failures.add(op + " via " + layer.name() + " with " + bad.getKey() + ": expected " + expected
                                + ", got " + reply);
                    }
                }
            }
        }
        System.out.println("Token sweep: " + checked + " requests over " + operations.size() + " operations");
        assertThat(checked).isGreaterThan(0);
        assertThat(failures).as("routes that did not refuse a bad token").isEmpty();
    }

    @Test
    @Order(4)
    void anotherTenantGetsNothingOfTenantA() {
        String tokenB = tenantB.token();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        // B's own "sign out everywhere" (and the like) ends the very token the sweep uses: those last,
        // after the one that names A's id and must still answer 404 to a signed-in B
        List<Operation> endingBsSessionsLast = operations.stream()
                .sorted(java.util.Comparator.comparing(
                        op -> !endsTheCallersSessions(op) ? 0 : op.path().contains("{") ? 1 : 2))
                .toList();
        for (Operation op : endingBsSessionsLast) {
            String path = fill(op.path());
            for (var layer : layers(op)) {
                var reply = send(layer.port(), op, path, tokenB, validBody(op));
                checked++;
                if (reply.status() >= 500) {
                    failures.add(op + " via " + layer.name() + ": server error " + reply);
                }
                var leaked = leaks(reply.body());
                if (!leaked.isEmpty()) {
                    failures.add(op + " via " + layer.name() + ": tenant A's " + leaked + " in " + reply);
                }
                if (refersToTenantA(op) && !isPublicAtService(op) && reply.status() != 404 && reply.status() != 403) {
                    failures.add(op + " via " + layer.name() + " on tenant A's ids: expected 404 or 403, got " + reply);
                }
            }
        }
        // and nothing of A's was changed by those calls
        var a = tenantA.api(suite);
        assertThat(a.get("/api/crm/customers/" + idsOfA.get("customer")).status())
                .isEqualTo(200);
        assertThat(a.get("/api/tasks/" + idsOfA.get("task")).json("$.status").toString())
                .isEqualTo("open");
        assertThat(a.get("/api/contracts/" + idsOfA.get("contract"))
                        .json("$.status")
                        .toString())
                .isEqualTo("draft");
        assertThat(a.get("/api/invoices/" + idsOfA.get("invoice"))
                        .json("$.status")
                        .toString())
                .isEqualTo("draft");
        System.out.println("Cross-tenant sweep: " + checked + " requests over " + operations.size() + " operations");
        assertThat(checked).isGreaterThan(0);
        assertThat(failures).as("cross-tenant failures").isEmpty();
    }

    /** A route that, called with valid input, signs its caller out of every session (ADR 0031). */
    private static boolean endsTheCallersSessions(Operation op) {
        return !op.method().equals("GET")
                && (op.path().startsWith("/api/auth/sessions")
                        || op.path().equals("/api/auth/password")
                        || op.path().equals("/api/auth/email"));
    }

    @Test
    @Order(5)
    void hostileBodiesOnEveryWriteRouteAreRefusedAndWriteNothing() {
        List<String> failures = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        int writeRoutes = 0;
        int checked = 0;
        for (Operation op : operations) {
            if (!op.hasBody() || op.method().equals("GET") || op.method().equals("DELETE")) {
                continue;
            }
            writeRoutes++;
            String path = fill(op.path());
            var layer = layers(op).get(0);
            awaitQuiet(op.service());
            for (var hostile : hostileBodies(op)) {
                var before = suite.rowCounts(op.service());
                Http.Reply reply;
                try {
                    reply = Http.send(
                            layer.port(), op.method(), path, tenantA.token(), hostile.contentType(), hostile.body());
                } catch (UncheckedIOException e) {
                    if (!hostile.name().equals("huge body")) {
                        throw e;
                    }
                    // a server may close the connection on a body it will not read
                    reply = new Http.Reply(413, "application/json", "(connection closed by the server)");
                }
                checked++;
                var after = suite.rowCounts(op.service());
                String what = op + " via " + layer.name() + " with " + hostile.name();
                if (reply.status() >= 500) {
                    failures.add(what + ": server error " + reply);
                    continue;
                }
                Set<String> mayWrite = EXPECTED_WRITES.getOrDefault(op.method() + " " + op.path(), Set.of());
                before.keySet().removeAll(mayWrite);
                after.keySet().removeAll(mayWrite);
                if (reply.status() >= 200 && reply.status() < 300) {
                    if (hostile.allowed() == Allowed.REFUSAL_OR_DATA) {
                        accepted.add(what + " → " + reply.status());
                    } else if (hostile.allowed() == Allowed.REFUSAL_OR_NOTHING_WRITTEN && before.equals(after)) {
                        accepted.add(what + " → " + reply.status() + ", nothing written: " + reply.body());
                    } else {
                        failures.add(what + ": accepted " + reply + ", rows changed: " + diff(before, after));
                    }
                    continue;
                }
                if (reply.status() < 400) {
                    failures.add(what + ": expected a 4xx, got " + reply);
                    continue;
                }
                if (!reply.isJson()) {
                    failures.add(what + ": a 4xx but not JSON: " + reply);
                }
                if (!before.equals(after)) {
                    failures.add(
                            what + ": refused with " + reply.status() + " but rows changed: " + diff(before, after));
                }
            }
        }
        System.out.println("Hostile sweep: " + checked + " requests over " + writeRoutes + " write routes");
        accepted.forEach(line -> System.out.println("Accepted, as allowed: " + line));
        assertThat(writeRoutes).isGreaterThan(10);
        assertThat(failures).as("hostile-input failures").isEmpty();
    }

    @Test
    @Order(6)
    void injectionStringsAreStoredAsPlainText() {
        var a = tenantA.api(suite);
        String name = SQL + " " + SCRIPT;
        var created = a.post(
                "/api/crm/customers",
                "{\"name\":%s,\"phone\":\"+972531112233\"}".formatted(OpenApi.JSON.writeValueAsString(name)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var read = a.get("/api/crm/customers/" + created.json("$.id"));
        assertThat(read.<String>json("$.name")).isEqualTo(name);
        var all = a.get("/api/crm/customers?limit=100");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.<Integer>json("$.total"))
                .as("the table is still there and whole")
                .isGreaterThanOrEqualTo(2);
    }

    // --- expectations ---

    private static String expectationWithoutToken(Operation op, String layer, String variant, Http.Reply reply) {
        boolean gateway = layer.equals("gateway");
        boolean isPublic = gateway ? isPublicAtGateway(op) : isPublicAtService(op);
        if (reply.status() >= 500) {
            return "no server error";
        }
        if (!isPublic) {
            if (variant.equals("service token")) {
                // a valid signature, so the gateway passes it on; the service must refuse it (403),
                // though a body it cannot read may be refused first (400), which gives nothing away
                return reply.status() >= 400 && reply.isJson() ? null : "a 4xx JSON refusal (403)";
            }
            return reply.status() == 401 && reply.isJson() ? null : "401 JSON";
        }
        if (op.path().startsWith("/webhook/")) {
            return reply.status() == 403 ? null : "403 (no Twilio signature)";
        }
        if (op.path().startsWith("/api/public/sign/")) {
            return reply.status() >= 400 && reply.status() < 500 ? null : "4xx (no such signing token)";
        }
        return null;
    }

    private static boolean refersToTenantA(Operation op) {
        return op.path().contains("{id}") && fill(op.path()).matches(".*(" + String.join("|", idsOfA.values()) + ").*");
    }

    private static boolean isPublicAtGateway(Operation op) {
        if (op.method().equals("POST") && GATEWAY_PUBLIC_POST.contains(op.path())) {
            return true;
        }
        if (op.method().equals("GET") && GATEWAY_PUBLIC_GET.contains(op.path())) {
            return true;
        }
        return GATEWAY_PUBLIC_ANY.stream().anyMatch(p -> PATHS.match(p, op.path()));
    }

    private static boolean isPublicAtService(Operation op) {
        return SERVICE_PUBLIC.getOrDefault(op.service(), List.of()).stream().anyMatch(p -> PATHS.match(p, op.path()));
    }

    private static List<String> leaks(String body) {
        return markersOfA.stream().filter(body::contains).toList();
    }

    // --- requests ---

    record Layer(String name, int port) {}

    /** Through the gateway when it routes the path, and always straight at the service. */
    private static List<Layer> layers(Operation op) {
        List<Layer> layers = new ArrayList<>();
        if (gatewayRoutes.stream().anyMatch(p -> PATHS.match(p, op.path()))) {
            layers.add(new Layer("gateway", suite.gateway().port()));
        }
        layers.add(new Layer(op.service(), suite.service(op.service()).port()));
        return layers;
    }

    private static Http.Reply send(int port, Operation op, String path, String token, Body body) {
        return body == null
                ? Http.send(port, op.method(), path, token, null, null)
                : Http.send(port, op.method(), path, token, body.contentType(), body.body());
    }

    /** Path variables: tenant A's real ids where the path names one of its resources, else random. */
    private static String fill(String template) {
        String resource = template.startsWith("/api/crm/customers/") || template.startsWith("/api/customers/")
                ? "customer"
                : template.startsWith("/api/tasks/")
                        ? "task"
                        : template.startsWith("/api/contracts/")
                                ? "contract"
                                : template.startsWith("/api/invoices/")
                                        ? "invoice"
                                        : template.startsWith("/api/calls/{id}") ? "call" : null;
        if (template.startsWith("/api/users/")) {
            idsOfA.putIfAbsent("user", tenantA.ownerId().toString());
            resource = "user";
        }
        Matcher variables = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (variables.find()) {
            String name = variables.group(1);
            String value;
            if (name.equals("id") && resource != null) {
                value = idsOfA.get(resource);
            } else if (name.equals("phone")) {
                value = "%2B972501234567";
            } else if (name.equals("token") || name.equals("file")) {
                value = "sweep" + UUID.randomUUID().toString().replace("-", "");
            } else {
                value = UUID.randomUUID().toString();
            }
            variables.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        variables.appendTail(out);
        return out.toString();
    }

    /** What a hostile body may get besides a 4xx JSON refusal that wrote nothing. */
    enum Allowed {
        /** only the refusal */
        REFUSAL,
        /** or a 2xx storing the strings as plain text (they are legal text) */
        REFUSAL_OR_DATA,
        /** or a 2xx that wrote nothing (an import reporting every row as rejected) */
        REFUSAL_OR_NOTHING_WRITTEN
    }

    record Body(String name, String contentType, byte[] body, Allowed allowed) {}

    /**
     * Tables a refused request may still write to, by route: a failed login is recorded, which is
     * how repeated guesses are throttled.
     */
    private static final Map<String, Set<String>> EXPECTED_WRITES =
            Map.of("POST /api/auth/login", Set.of("login_failure"));

    private static Map<String, Object> knownValues() {
        return Map.of("customerId", idsOfA.get("customer"), "minutes", 15);
    }

    private static Body validBody(Operation op) {
        if (!op.hasBody()) {
            return null;
        }
        var first = op.bodyTypes().entrySet().iterator().next();
        if (!first.getKey().contains("json")) {
            return new Body(
                    "valid",
                    first.getKey(),
                    "name,phone\nא,0501234567\n".getBytes(StandardCharsets.UTF_8),
                    Allowed.REFUSAL_OR_DATA);
        }
        JsonNode sample = OpenApi.parse(docsFor(op)).sample(first.getValue(), knownValues());
        return new Body("valid", "application/json", OpenApi.JSON.writeValueAsBytes(sample), Allowed.REFUSAL_OR_DATA);
    }

    private static final Map<String, String> DOCS = new LinkedHashMap<>();

    private static String docsFor(Operation op) {
        return DOCS.computeIfAbsent(
                op.service(), s -> suite.service(s).api().get("/v3/api-docs").body());
    }

    private static List<Body> hostileBodies(Operation op) {
        List<Body> bodies = new ArrayList<>();
        for (var type : op.bodyTypes().entrySet()) {
            String contentType = type.getKey();
            if (!contentType.contains("json")) {
                String media = contentType.startsWith("multipart/") ? null : contentType;
                if (media == null) {
                    continue; // multipart: the same importer as text/csv, swept through that door
                }
                bodies.add(new Body(
                        "invalid UTF-8", media, invalidUtf8("name,phone\n", ",0501234567\n"), Allowed.REFUSAL));
                bodies.add(
                        new Body("huge body", media, ("name,phone\n" + "x".repeat(HUGE)).getBytes(), Allowed.REFUSAL));
                bodies.add(new Body(
                        "malformed CSV",
                        media,
                        "name,phone\n\"unclosed,\"\"\n".getBytes(),
                        Allowed.REFUSAL_OR_NOTHING_WRITTEN));
                continue;
            }
            JsonNode sample = OpenApi.parse(docsFor(op)).sample(type.getValue(), knownValues());
            byte[] sql = OpenApi.JSON.writeValueAsBytes(OpenApi.mapStrings(sample, s -> SQL));
            byte[] script = OpenApi.JSON.writeValueAsBytes(OpenApi.mapStrings(sample, s -> SCRIPT));
            bodies.add(new Body("SQL injection strings", "application/json", sql, Allowed.REFUSAL_OR_DATA));
            bodies.add(new Body("script injection strings", "application/json", script, Allowed.REFUSAL_OR_DATA));
            bodies.add(new Body(
                    "wrong types",
                    "application/json",
                    OpenApi.JSON.writeValueAsBytes(OpenApi.wrongTypes(sample)),
                    Allowed.REFUSAL));
            bodies.add(new Body(
                    "an array instead of an object", "application/json", "[1,2,3]".getBytes(), Allowed.REFUSAL));
            String json = OpenApi.JSON.writeValueAsString(sample);
            if (OpenApi.hasString(sample)) {
                String filler = "A".repeat(HUGE);
                bodies.add(new Body(
                        "huge body",
                        "application/json",
                        OpenApi.JSON.writeValueAsBytes(OpenApi.mapStrings(sample, s -> filler)),
                        Allowed.REFUSAL));
                String marked = OpenApi.JSON.writeValueAsString(OpenApi.mapStrings(sample, s -> "\u0000INVALID\u0000"));
                String[] parts = marked.split("\\\\u0000INVALID\\\\u0000", -1);
                bodies.add(new Body("invalid UTF-8", "application/json", joinInvalid(parts), Allowed.REFUSAL));
            } else {
                // no text field: a 5 MB number in a real field (an unknown field would just be ignored)
                bodies.add(new Body(
                        "huge body",
                        "application/json",
                        hugeNumber(sample).getBytes(StandardCharsets.UTF_8),
                        Allowed.REFUSAL));
                bodies.add(new Body(
                        "invalid UTF-8",
                        "application/json",
                        invalidUtf8("{\"", "\":1," + json.substring(1)),
                        Allowed.REFUSAL));
            }
            bodies.add(new Body(
                    "malformed JSON",
                    "application/json",
                    json.substring(0, Math.max(1, json.length() - 1))
                            .concat(",'")
                            .getBytes(StandardCharsets.UTF_8),
                    Allowed.REFUSAL));
        }
        return bodies;
    }

    private static String hugeNumber(JsonNode sample) {
        var copy = (tools.jackson.databind.node.ObjectNode) sample.deepCopy();
        String field = sample.properties().stream()
                .filter(e -> e.getValue().isNumber())
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("padding");
        copy.put(field, "@@HUGE@@");
        return OpenApi.JSON.writeValueAsString(copy).replace("\"@@HUGE@@\"", "9".repeat(HUGE));
    }

    private static final byte[] BAD_UTF8 = {(byte) 0xC3, 0x28, (byte) 0xA0, (byte) 0xA1, (byte) 0xFF, (byte) 0xFE};

    private static byte[] invalidUtf8(String before, String after) {
        return concat(
                List.of(before.getBytes(StandardCharsets.UTF_8), BAD_UTF8, after.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] joinInvalid(String[] parts) {
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                chunks.add(BAD_UTF8);
            }
            chunks.add(parts[i].getBytes(StandardCharsets.UTF_8));
        }
        return concat(chunks);
    }

    private static byte[] concat(List<byte[]> chunks) {
        int length = chunks.stream().mapToInt(c -> c.length).sum();
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, out, at, chunk.length);
            at += chunk.length;
        }
        return out;
    }

    // --- database ---

    /** Waits until the service's own background work (consumers, relays) has settled. */
    private static void awaitQuiet(String service) {
        var previous = suite.rowCounts(service);
        for (int i = 0; i < 40; i++) {
            Suite.sleep(250);
            var now = suite.rowCounts(service);
            if (now.equals(previous)) {
                return;
            }
            previous = now;
        }
    }

    private static Map<String, String> diff(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> changed = new TreeMap<>();
        after.forEach((table, count) -> {
            if (!count.equals(before.get(table))) {
                changed.put(table, before.get(table) + " → " + count);
            }
        });
        return changed;
    }

    /** The Path predicates of the gateway's routes, read from its application.yml. */
    private static List<String> gatewayRoutePatterns() {
        Path yml = Path.of("../../gateway/src/main/resources/application.yml");
        try {
            List<String> patterns = new ArrayList<>();
            for (String line : Files.readAllLines(yml)) {
                String trimmed = line.trim();
                if (trimmed.startsWith("- Path=")) {
                    patterns.addAll(
                            Arrays.asList(trimmed.substring("- Path=".length()).split(",")));
                }
            }
            assertThat(patterns).as("routes in " + yml).isNotEmpty();
            return patterns;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
