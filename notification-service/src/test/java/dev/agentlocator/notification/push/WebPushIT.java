package dev.agentlocator.notification.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.agentlocator.notification.StompTestClient;
import dev.agentlocator.notification.TaskEvents;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestJwt;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** A local HTTP server stands in for the browser vendor's push service. */
@ServiceIntegrationTest
@TestPropertySource(properties = "agentlocator.push.allow-loopback-http=true")
class WebPushIT {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    record Captured(String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    HttpServer pushService;
    final BlockingQueue<Captured> pushes = new LinkedBlockingQueue<>();
    final AtomicInteger answer = new AtomicInteger(201);

    @BeforeEach
    void startPushService() throws Exception {
        pushService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pushService.createContext("/", exchange -> {
            pushes.add(new Captured(
                    exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        pushService.start();
    }

    @AfterEach
    void stopPushService() {
        pushService.stop(0);
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
                subscription("http://push.example.com/x", good, browser.auth()),
                subscription("ftp://push.example.com/x", good, browser.auth()),
                subscription("https://push.example.com/x", B64.encodeToString(new byte[64]), browser.auth()),
                subscription("https://push.example.com/x", "%%%", browser.auth()),
                subscription("https://push.example.com/x", good, B64.encodeToString(new byte[10])),
                "{\"endpoint\":\"https://push.example.com/x\"}",
                "{\"keys\":{\"p256dh\":\"" + good + "\",\"auth\":\"" + browser.auth() + "\"}}")) {
            var response = api.post("/api/notifications/subscribe", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.<String>json("$.message")).containsPattern("[א-ת]");
        }
        assertThat(Api.at(port)
                        .post(
                                "/api/notifications/subscribe",
                                subscription("https://push.example.com/x", good, browser.auth()))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void anOfflineAssigneeGetsAnEncryptedPushThatAnIndependentRfc8291DecryptorOpens() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID agent = UUID.randomUUID();
        var api = Api.at(port).withToken(TestJwt.token(agent, tenant, "agent"));
        var browser = Browser.create();
        String endpoint = "http://127.0.0.1:" + pushService.getAddress().getPort() + "/push/" + UUID.randomUUID();
        assertThat(api.post("/api/notifications/subscribe", subscription(endpoint, browser.p256dh(), browser.auth()))
                        .status())
                .isEqualTo(201);

        UUID customer = UUID.randomUUID();
        var sent = TaskEvents.due(kafka, json, tenant, agent, customer, "להתקשר לדנה");
        Captured push = pushes.poll(20, TimeUnit.SECONDS);
        assertThat(push).as("a push request").isNotNull();
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

        verifyVapid(
                push.header("Authorization"),
                "http://127.0.0.1:" + pushService.getAddress().getPort());
    }

    @Test
    void aGoneSubscriptionIsDeletedWhenThePushServiceAnswers410() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID agent = UUID.randomUUID();
        var api = Api.at(port).withToken(TestJwt.token(agent, tenant, "agent"));
        var browser = Browser.create();
        String endpoint = "http://127.0.0.1:" + pushService.getAddress().getPort() + "/push/" + UUID.randomUUID();
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
        String endpoint = "http://127.0.0.1:" + pushService.getAddress().getPort() + "/push/" + UUID.randomUUID();
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
