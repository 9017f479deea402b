package dev.agentlocator.notification.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.agentlocator.notification.StompTestClient;
import dev.agentlocator.notification.TaskEvents;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestJwt;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local HTTP server stands in for the browser vendor's push service. It is on the allow-list the
 * way an operator would add a relay of their own: by its exact address. {@code localhost} on the
 * same port is on the list as well, as a host name, which must resolve to public addresses only.
 */
@ServiceIntegrationTest
class WebPushIT {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    static final BlockingQueue<Captured> pushes = new LinkedBlockingQueue<>();
    static final BlockingQueue<Captured> strayRequests = new LinkedBlockingQueue<>();
    static final AtomicInteger answer = new AtomicInteger(201);

    static final HttpServer pushService = stub(exchange -> {
        pushes.add(new Captured(
                exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()),
                exchange.getRequestBody().readAllBytes()));
        exchange.sendResponseHeaders(answer.get(), -1);
        exchange.close();
    });
    /** Not on the allow-list: nothing may ever reach it. */
    static final HttpServer offTheList = stub(exchange -> {
        strayRequests.add(new Captured(exchange.getRequestURI().getPath(), Map.of(), new byte[0]));
        exchange.sendResponseHeaders(201, -1);
        exchange.close();
    });

    @DynamicPropertySource
    static void allowList(DynamicPropertyRegistry registry) {
        registry.add(
                "agentlocator.push.allowed-endpoints",
                () -> "https://fcm.googleapis.com,https://updates.push.services.mozilla.com,"
                        + "https://*.push.services.mozilla.com,https://*.push.apple.com,https://*.notify.windows.com,"
                        + stubOrigin() + ",http://localhost:"
                        + pushService.getAddress().getPort());
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    record Captured(String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private static HttpServer stub(HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", handler);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stubOrigin() {
        return "http://127.0.0.1:" + pushService.getAddress().getPort();
    }

    @BeforeEach
    void resetPushService() {
        pushes.clear();
        strayRequests.clear();
        answer.set(201);
    }

    @AfterAll
    static void stopPushServices() {
        pushService.stop(0);
        offTheList.stop(0);
    }

    @Test
    void theVapidPublicKeyIsPublicAndAP256Point() {
        var response = Api.at(port).get("/api/notifications/vapid-public-key");
        assertThat(response.status()).isEqualTo(200);
        byte[] key = Base64.getUrlDecoder().decode(response.<String>json("$.publicKey"));
        assertThat(key).hasSize(65);
        assertThat(key[0]).isEqualTo((byte) 4);
    }

    @Test
    void aServiceTokenHasNoInboxAndNoSubscriptions() {
        // ADR 0004: a service token never acts as a person of the business
        var service = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), UUID.randomUUID(), "service"));
        for (var response : List.of(
                service.get("/api/notifications"),
                service.post("/api/notifications/read-all", null),
                service.send(
                        "DELETE",
                        "/api/notifications/subscribe",
                        "{\"endpoint\":\"https://push.example/x\"}",
                        "application/json"))) {
            assertThat(response.status()).as(response.body()).isEqualTo(403);
        }
        assertThat(service.get("/api/notifications/vapid-public-key").status()).isEqualTo(200);
    }

    @Test
    void subscribingRefusesWhatNoPushServiceWouldAccept() throws Exception {
        var api = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), UUID.randomUUID(), "agent"));
        var browser = Browser.create();
        String good = browser.p256dh();
        for (String body : List.of(
                subscription("http://fcm.googleapis.com/fcm/send/x", good, browser.auth()),
                subscription("ftp://fcm.googleapis.com/fcm/send/x", good, browser.auth()),
                subscription(FCM, B64.encodeToString(new byte[64]), browser.auth()),
                subscription(FCM, "%%%", browser.auth()),
                subscription(FCM, good, B64.encodeToString(new byte[10])),
                "{\"endpoint\":\"" + FCM + "\"}",
                "{\"keys\":{\"p256dh\":\"" + good + "\",\"auth\":\"" + browser.auth() + "\"}}")) {
            var response = api.post("/api/notifications/subscribe", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.<String>json("$.message")).containsPattern("[א-ת]");
        }
        assertThat(Api.at(port)
                        .post("/api/notifications/subscribe", subscription(FCM, good, browser.auth()))
                        .status())
                .isEqualTo(401);
    }

    private static final String FCM = "https://fcm.googleapis.com/fcm/send/fJd0wXsY:APA91bH";

    @Test
    void onlyThePushServicesOnTheAllowListAreAccepted() throws Exception {
        var api = Api.at(port).withToken(TestJwt.token(UUID.randomUUID(), UUID.randomUUID(), "agent"));
        var browser = Browser.create();
        for (String endpoint : List.of(
                FCM,
                "https://updates.push.services.mozilla.com/wpush/v2/gAAAAABm",
                "https://web.push.apple.com/QGuQyavXutnMH",
                "https://wns2-par02p.notify.windows.com/w/?token=BQYAAAB")) {
            var response =
                    api.post("/api/notifications/subscribe", subscription(endpoint, browser.p256dh(), browser.auth()));
            assertThat(response.status()).as(endpoint + " " + response.body()).isEqualTo(201);
        }
    }

    @Test
    void anEndpointOffTheAllowListOrInsideOurNetworkIsA400InHebrew() throws Exception {
        UUID agent = UUID.randomUUID();
        var api = Api.at(port).withToken(TestJwt.token(agent, UUID.randomUUID(), "agent"));
        var browser = Browser.create();
        int stubPort = pushService.getAddress().getPort();
        for (String endpoint : List.of(
                "https://127.0.0.1/push/x",
                "https://10.0.0.5/push/x",
                "https://169.254.169.254/latest/meta-data/",
                "https://192.168.1.1/push/x",
                "https://[::1]/push/x",
                "https://push.example.com/x",
                "https://fcm.googleapis.com.attacker.example/fcm/send/x",
                "https://attacker.example/fcm.googleapis.com/fcm/send/x",
                "https://push.apple.com/x",
                "https://fcm.googleapis.com:8443/fcm/send/x",
                "https://user@fcm.googleapis.com/fcm/send/x",
                "http://127.0.0.1:" + offTheList.getAddress().getPort() + "/push/x",
                "http://localhost:" + stubPort + "/push/x")) {
            var response =
                    api.post("/api/notifications/subscribe", subscription(endpoint, browser.p256dh(), browser.auth()));
            assertThat(response.status()).as(endpoint).isEqualTo(400);
            assertThat(response.<String>json("$.error")).isEqualTo("validation_failed");
            assertThat(response.<String>json("$.details.fields.endpoint"))
                    .as(endpoint)
                    .containsPattern("[א-ת]");
        }
        assertThat(jdbc.sql("select count(*) from push_subscription where user_id = ?")
                        .param(agent)
                        .query(Long.class)
                        .single())
                .as("none stored")
                .isZero();
    }

    @Test
    void aStoredEndpointIsCheckedAgainBeforeEverySendAfterResolvingItsHost() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID agent = UUID.randomUUID();
        var browser = Browser.create();
        int stubPort = pushService.getAddress().getPort();
        // As a subscription would look after its host was re-pointed at our own network (DNS
        // rebinding), and one from before the allow-list existed.
        storeSubscription(tenant, agent, "http://localhost:" + stubPort + "/push/rebound", browser);
        storeSubscription(
                tenant, agent, "http://127.0.0.1:" + offTheList.getAddress().getPort() + "/push/old", browser);
        storeSubscription(tenant, agent, stubOrigin() + "/push/allowed", browser);
        double refusedBefore = meters.counter("push.refused").count();

        TaskEvents.due(kafka, json, tenant, agent, null, "משימה");

        Captured delivered = pushes.poll(20, TimeUnit.SECONDS);
        assertThat(delivered).as("the allowed subscription still gets its push").isNotNull();
        assertThat(delivered.path()).isEqualTo("/push/allowed");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> meters.counter("push.refused").count() - refusedBefore >= 2);
        assertThat(pushes.poll(500, TimeUnit.MILLISECONDS))
                .as("nothing sent to localhost")
                .isNull();
        assertThat(strayRequests).as("nothing sent off the allow-list").isEmpty();
    }

    private void storeSubscription(UUID tenant, UUID user, String endpoint, Browser browser) {
        jdbc.sql(
                        "insert into push_subscription (id, tenant_id, user_id, endpoint, p256dh, auth) values (?, ?, ?, ?, ?, ?)")
                .param(UUID.randomUUID())
                .param(tenant)
                .param(user)
                .param(endpoint)
                .param(browser.p256dh())
                .param(browser.auth())
                .update();
    }

    @Test
    void anOfflineAssigneeGetsAnEncryptedPushThatAnIndependentRfc8291DecryptorOpens() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID agent = UUID.randomUUID();
        var api = Api.at(port).withToken(TestJwt.token(agent, tenant, "agent"));
        var browser = Browser.create();
        String endpoint = stubOrigin() + "/push/" + UUID.randomUUID();
        assertThat(api.post("/api/notifications/subscribe", subscription(endpoint, browser.p256dh(), browser.auth()))
                        .status())
                .isEqualTo(201);

        var lateness = meters.get("agentlocator.due.alert.lateness")
                .tag("channel", "push")
                .timer();
        long measuredBefore = lateness.count();
        UUID customer = UUID.randomUUID();
        var sent = TaskEvents.due(kafka, json, tenant, agent, customer, "להתקשר לדנה");
        Captured push = pushes.poll(20, TimeUnit.SECONDS);
        assertThat(push).as("a push request").isNotNull();
        await("the push's lateness is measured once it is delivered")
                .atMost(Duration.ofSeconds(10))
                .until(() -> lateness.count() == measuredBefore + 1);
        assertThat(push.header("Content-Encoding")).isEqualTo("aes128gcm");
        assertThat(push.header("TTL")).isEqualTo("3600");
        assertThat(push.header("Urgency")).isEqualTo("high");

        var opened = Rfc8291Decryptor.decrypt(
                push.body(), browser.privateScalar(), browser.publicPoint(), browser.authBytes());
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = json.readValue(new String(opened.plaintext(), StandardCharsets.UTF_8), Map.class);
        assertThat(payload)
                .containsEntry("type", "task:due")
                .containsEntry("taskId", sent.event().payload().get("taskId"))
                .containsEntry("title", "להתקשר לדנה")
                .containsEntry("customerName", "דנה כהן")
                .containsEntry("customerPhone", "+972501234567")
                .containsKey("dueAt");
        assertThat(payload.get("actions").toString())
                .contains("call", "tel:+972501234567", "whatsapp", "https://wa.me/972501234567", "snooze");

        verifyVapid(push.header("Authorization"), stubOrigin());
    }

    @Test
    void aGoneSubscriptionIsDeletedWhenThePushServiceAnswers410() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID agent = UUID.randomUUID();
        var api = Api.at(port).withToken(TestJwt.token(agent, tenant, "agent"));
        var browser = Browser.create();
        String endpoint = stubOrigin() + "/push/" + UUID.randomUUID();
        api.post("/api/notifications/subscribe", subscription(endpoint, browser.p256dh(), browser.auth()));
        assertThat(subscriptions(endpoint)).isEqualTo(1);

        answer.set(410);
        TaskEvents.due(kafka, json, tenant, agent, null, "משימה");
        assertThat(pushes.poll(20, TimeUnit.SECONDS)).isNotNull();
        await().atMost(Duration.ofSeconds(5)).until(() -> subscriptions(endpoint) == 0);
    }

    @Test
    void anAssigneeWithAnOpenTabGetsTheModalNotAPush() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID agent = UUID.randomUUID();
        String token = TestJwt.token(agent, tenant, "agent");
        var browser = Browser.create();
        String endpoint = stubOrigin() + "/push/" + UUID.randomUUID();
        Api.at(port)
                .withToken(token)
                .post("/api/notifications/subscribe", subscription(endpoint, browser.p256dh(), browser.auth()));
        var tab = StompTestClient.connect(port, token);
        try {
            TaskEvents.due(kafka, json, tenant, agent, null, "משימה");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> jdbc.sql("select count(*) from notification where user_id = ?")
                                    .param(agent)
                                    .query(Long.class)
                                    .single()
                            == 1);
            assertThat(pushes.poll(1, TimeUnit.SECONDS)).isNull();
        } finally {
            tab.close();
        }

        // unsubscribing stops pushes for good
        var unsubscribe = Api.at(port)
                .withToken(token)
                .send(
                        "DELETE",
                        "/api/notifications/subscribe",
                        "{\"endpoint\":\"" + endpoint + "\"}",
                        "application/json");
        assertThat(unsubscribe.status()).isEqualTo(204);
        assertThat(subscriptions(endpoint)).isZero();
    }

    private long subscriptions(String endpoint) {
        return jdbc.sql("select count(*) from push_subscription where endpoint = ?")
                .param(endpoint)
                .query(Long.class)
                .single();
    }

    /** RFC 8292: {@code vapid t=<ES256 JWT>, k=<public key>}, checked with BouncyCastle. */
    private void verifyVapid(String authorization, String audience) throws Exception {
        assertThat(authorization).startsWith("vapid t=");
        String token = authorization.substring("vapid t=".length(), authorization.indexOf(','));
        String k = authorization.substring(authorization.indexOf("k=") + 2).strip();
        assertThat(k)
                .isEqualTo(
                        Api.at(port).get("/api/notifications/vapid-public-key").<String>json("$.publicKey"));
        String[] parts = token.split("\\.");
        @SuppressWarnings("unchecked")
        Map<String, Object> claims = json.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
        assertThat(claims).containsEntry("aud", audience).containsKey("sub");
        long exp = ((Number) claims.get("exp")).longValue();
        assertThat(exp)
                .isBetween(
                        Instant.now().getEpochSecond(),
                        Instant.now().plus(Duration.ofHours(24)).getEpochSecond());

        var curve = Rfc8291Decryptor.CURVE;
        var key = java.security.KeyFactory.getInstance("EC", Rfc8291Decryptor.BC)
                .generatePublic(new ECPublicKeySpec(
                        curve.getCurve().decodePoint(Base64.getUrlDecoder().decode(k)), curve));
        var verifier = Signature.getInstance("SHA256withPLAIN-ECDSA", Rfc8291Decryptor.BC);
        verifier.initVerify(key);
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2])))
                .as("ES256 signature")
                .isTrue();
    }

    private static String subscription(String endpoint, String p256dh, String auth) {
        return """
                {"endpoint":"%s","keys":{"p256dh":"%s","auth":"%s"}}""".formatted(endpoint, p256dh, auth);
    }

    /** A browser's side of a subscription, made with BouncyCastle. */
    record Browser(KeyPair keys, byte[] authBytes) {

        static Browser create() throws Exception {
            var generator = KeyPairGenerator.getInstance("EC", Rfc8291Decryptor.BC);
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            byte[] auth = new byte[16];
            new SecureRandom().nextBytes(auth);
            return new Browser(generator.generateKeyPair(), auth);
        }

        byte[] publicPoint() {
            return ((ECPublicKey) keys.getPublic()).getQ().getEncoded(false);
        }

        byte[] privateScalar() {
            byte[] d = ((ECPrivateKey) keys.getPrivate()).getD().toByteArray();
            byte[] out = new byte[32];
            System.arraycopy(d, Math.max(0, d.length - 32), out, Math.max(0, 32 - d.length), Math.min(32, d.length));
            return out;
        }

        String p256dh() {
            return B64.encodeToString(publicPoint());
        }

        String auth() {
            return B64.encodeToString(authBytes);
        }
    }
}
