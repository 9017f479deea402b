package dev.agentlocator.notification.rules;

import static dev.agentlocator.notification.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.agentlocator.notification.Events;
import dev.agentlocator.notification.NotificationKind;
import dev.agentlocator.notification.inbox.NotificationPruning;
import dev.agentlocator.notification.preferences.Preferences;
import dev.agentlocator.platform.events.CallEvent;
import dev.agentlocator.platform.events.ContractEvent;
import dev.agentlocator.platform.events.CustomerEvent;
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.EventSamples;
import dev.agentlocator.platform.events.InvoiceEvent;
import dev.agentlocator.platform.events.TaskEvent;
import dev.agentlocator.platform.events.UserEvent;
import dev.agentlocator.platform.events.WhatsAppEvent;
import dev.agentlocator.platform.kit.messaging.EventReader;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.EventWire;
import dev.agentlocator.testkit.MutableClock;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.TestJwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The rules against real Kafka and PostgreSQL: each kind, its recipient, title and link, exactly once. */
@ServiceIntegrationTest
@Import(MutableClock.Configuration.class)
class NotificationRulesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Stands in for the browser vendor's push service; only whether a push arrives matters here. */
    static final BlockingQueue<String> pushes = new LinkedBlockingQueue<>();

    static final HttpServer pushService = pushService();

    private static HttpServer pushService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                pushes.add(exchange.getRequestURI().getPath());
                exchange.sendResponseHeaders(201, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pushOrigin() {
        return "http://127.0.0.1:" + pushService.getAddress().getPort();
    }

    @DynamicPropertySource
    static void allowThePushStub(DynamicPropertyRegistry registry) {
        registry.add("agentlocator.push.allowed-endpoints", NotificationRulesIT::pushOrigin);
    }

    @AfterAll
    static void stopPushService() {
        pushService.stop(0);
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Autowired
    MutableClock clock;

    @Autowired
    Preferences preferences;

    @Autowired
    NotificationPruning pruning;

    @Autowired
    JdbcClient jdbc;

    final UUID tenant = UUID.randomUUID();
    final UUID owner = UUID.randomUUID();
    final UUID alice = UUID.randomUUID();
    final UUID bob = UUID.randomUUID();
    final List<EventEnvelope> sent = new ArrayList<>();

    @AfterEach
    void resetClock() {
        clock.set(MutableClock.DEFAULT);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private Api as(UUID user) {
        return Api.at(port).withToken(TestJwt.token(user, tenant, "agent"));
    }

    private void send(EventEnvelope event) throws Exception {
        sent.add(Events.send(kafka, json, event));
    }

    private void users() throws Exception {
        send(event(
                UserEvent.CREATED,
                tenant,
                null,
                now(),
                new UserEvent.Payload(owner.toString(), "אורית", "owner", true)));
        send(event(
                UserEvent.CREATED,
                tenant,
                null,
                now(),
                new UserEvent.Payload(alice.toString(), "אליס", "agent", true)));
        send(event(
                UserEvent.CREATED, tenant, null, now(), new UserEvent.Payload(bob.toString(), "בועז", "agent", true)));
        await().atMost(WAIT)
                .until(() -> jdbc.sql("select count(*) from app_user where tenant_id = ?")
                                .param(tenant)
                                .query(Long.class)
                                .single()
                        == 3);
    }

    private EventEnvelope customer(UUID id, String name, String source, UUID ownerId) {
        return event(
                CustomerEvent.CREATED,
                tenant,
                id,
                now(),
                new CustomerEvent.Payload(
                        name,
                        "+972521234567",
                        "lead",
                        source,
                        null,
                        null,
                        ownerId == null ? null : ownerId.toString(),
                        null,
                        null));
    }

    private EventEnvelope call(UUID customer, String status, String outcome, String direction) {
        return event(
                CallEvent.COMPLETED,
                tenant,
                customer,
                now(),
                new CallEvent.Payload(
                        UUID.randomUUID().toString(),
                        "CA" + UUID.randomUUID().toString().replace("-", ""),
                        direction,
                        "+972521234567",
                        "+97235550000",
                        status,
                        0,
                        null,
                        outcome,
                        null,
                        null,
                        false,
                        null));
    }

    private EventEnvelope contract(ContractEvent type, UUID customer, UUID contractId) {
        return event(
                type,
                tenant,
                customer,
                now(),
                new ContractEvent.Payload(
                        contractId.toString(), "הצעת מחיר לדירה", "viewed", 120_000_00L, "ILS", "דנה כהן", null, null));
    }

    private EventEnvelope task(TaskEvent type, UUID taskId, UUID assignee) {
        return event(
                type,
                tenant,
                null,
                now(),
                new TaskEvent.Payload(
                        taskId.toString(),
                        "להתקשר בחזרה",
                        "open",
                        assignee.toString(),
                        "call",
                        "high",
                        now().plusMinutes(15).toString(),
                        "דנה כהן",
                        "+972521234567",
                        null));
    }

    private List<Map<String, Object>> items(UUID user) {
        return as(user).get("/api/notifications?limit=200").json("$.items");
    }

    private List<String> titles(UUID user) {
        return as(user).get("/api/notifications?limit=200").json("$.items[*].title");
    }

    @Test
    void everyKindReachesItsRecipientWithAHebrewTitleAndADeepLinkOnceOnly() throws Exception {
        users();
        UUID fromCall = UUID.randomUUID();
        UUID fromWhatsApp = UUID.randomUUID();
        UUID typedIn = UUID.randomUUID();
        UUID imported = UUID.randomUUID();
        send(customer(fromCall, "דנה כהן", "call", alice)); // alice owns her
        send(customer(fromWhatsApp, "יוסי לוי", "whatsapp", null)); // nobody owns him: the owners
        send(customer(typedIn, "הוקלד ידנית", "manual", alice)); // an agent typed it: nobody is told
        send(customer(imported, "מיובא", "import", bob));
        // topics are not ordered with one another: the calls and messages below find their
        // customers' owners once crm's events are in
        await().atMost(WAIT)
                .until(() -> jdbc.sql("select count(*) from customer_owner where tenant_id = ?")
                                .param(tenant)
                                .query(Long.class)
                                .single()
                        == 4);

        send(call(fromCall, "no-answer", null, "inbound"));
        send(call(fromCall, "completed", "abandoned", "inbound"));
        send(call(fromCall, "completed", "answered", "inbound")); // the receptionist took it
        send(call(fromCall, "no-answer", null, "outbound")); // we called and they did not answer
        send(event(
                WhatsAppEvent.RECEIVED,
                tenant,
                fromWhatsApp,
                now(),
                new WhatsAppEvent.Payload(
                        UUID.randomUUID().toString(),
                        "SM1",
                        "inbound",
                        "received",
                        "שלום, הדירה ברחוב הרצל עדיין פנויה?",
                        "+972529876543",
                        0,
                        null,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)));
        UUID contractId = UUID.randomUUID();
        send(contract(ContractEvent.SENT, fromCall, contractId));
        send(contract(ContractEvent.VIEWED, fromCall, contractId));
        send(contract(ContractEvent.SIGNED, fromCall, contractId));
        send(contract(ContractEvent.DECLINED, fromCall, UUID.randomUUID()));
        UUID invoiceId = UUID.randomUUID();
        send(event(
                InvoiceEvent.PAID,
                tenant,
                fromWhatsApp,
                now(),
                new InvoiceEvent.Payload(
                        invoiceId.toString(),
                        1042L,
                        "tax_invoice",
                        "paid",
                        100_00L,
                        18_00L,
                        118_00L,
                        "ILS",
                        "יוסי לוי",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)));
        UUID taskId = UUID.randomUUID();
        send(task(TaskEvent.CREATED, taskId, bob));
        send(task(TaskEvent.UPDATED, taskId, bob)); // same assignee: nothing new
        send(task(TaskEvent.SNOOZED, taskId, bob));
        send(task(TaskEvent.UPDATED, taskId, alice)); // reassigned to alice

        await().atMost(WAIT)
                .until(() -> items(alice).size() == 7
                        && items(owner).size() == 3
                        && items(bob).size() == 2);
        assertThat(titles(alice))
                .containsExactlyInAnyOrder(
                        "ליד חדש משיחה",
                        "שיחה שלא נענתה",
                        "שיחה שלא נענתה",
                        "הצעת המחיר נצפתה",
                        "הצעת המחיר נחתמה",
                        "הצעת המחיר נדחתה",
                        "משימה חדשה שויכה אליך");
        assertThat(titles(owner))
                .containsExactlyInAnyOrder("ליד חדש מוואטסאפ", "הודעת WhatsApp מיוסי לוי", "חשבונית שולמה");
        assertThat(titles(bob)).containsExactlyInAnyOrder("ליד חדש מייבוא", "משימה חדשה שויכה אליך");

        var lead = items(alice).stream()
                .filter(n -> n.get("type").equals("lead:new"))
                .findFirst()
                .orElseThrow();
        assertThat(lead)
                .containsEntry("link", "/customers/" + fromCall)
                .containsEntry("priority", "high")
                .containsEntry("body", "דנה כהן · +972521234567")
                .containsEntry("read", false);
        var paid = items(owner).stream()
                .filter(n -> n.get("type").equals("invoice:paid"))
                .findFirst()
                .orElseThrow();
        assertThat(paid)
                .containsEntry("link", "/invoices/" + invoiceId)
                .containsEntry("body", "חשבונית מס 1042 · יוסי לוי");
        var whatsApp = items(owner).stream()
                .filter(n -> n.get("type").equals("whatsapp:received"))
                .findFirst()
                .orElseThrow();
        assertThat(whatsApp).containsEntry("body", "שלום, הדירה ברחוב הרצל עדיין פנויה?");
        var assigned = items(alice).stream()
                .filter(n -> n.get("type").equals("task:assigned"))
                .findFirst()
                .orElseThrow();
        assertThat(assigned).containsEntry("link", "/tasks/" + taskId).containsEntry("priority", "high");

        // Kafka delivers at least once: every event again, and nobody gets anything twice
        for (EventEnvelope event : List.copyOf(sent)) {
            Events.send(kafka, json, event);
        }
        await().during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(10))
                .until(() -> items(alice).size() == 7
                        && items(owner).size() == 3
                        && items(bob).size() == 2);
        // another tenant's user with the same id sees none of it
        assertThat(Api.at(port)
                        .withToken(TestJwt.token(alice, UUID.randomUUID(), "agent"))
                        .get("/api/notifications")
                        .<List<Object>>json("$.items"))
                .isEmpty();
    }

    @Test
    void preferencesKeepAKindOutOfTheBellAndQuietHoursHoldBackPushOnly() throws Exception {
        users();
        var settings = as(alice).put("/api/notifications/preferences", """
                {"kinds":[{"kind":"lead:new","bell":false,"push":false},{"kind":"call:missed","bell":true,"push":false}],
                 "quietHours":{"from":"22:00","to":"07:00"}}
                """);
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.<List<String>>json("$.kinds[?(@.kind=='lead:new')].label"))
                .containsExactly("ליד חדש");
        assertThat(settings.<String>json("$.quietHours.from")).isEqualTo("22:00");

        send(customer(UUID.randomUUID(), "לא לפעמון", "call", alice));
        UUID missed = UUID.randomUUID();
        send(customer(missed, "מחכה לשיחה", "whatsapp", bob));
        send(call(missed, "busy", null, "inbound"));
        await().atMost(WAIT).until(() -> titles(bob).contains("שיחה שלא נענתה"));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> items(alice).isEmpty());

        // 10:00 in Israel: push as chosen; 23:30 and 06:59: quiet; 07:00: push again
        assertThat(preferences.decide(tenant, alice, NotificationKind.WHATSAPP_RECEIVED))
                .isEqualTo(new Preferences.Decision(true, true));
        assertThat(preferences.decide(tenant, alice, NotificationKind.CALL_MISSED))
                .isEqualTo(new Preferences.Decision(true, false));
        assertThat(preferences.decide(tenant, alice, NotificationKind.LEAD_NEW))
                .isEqualTo(new Preferences.Decision(false, false));
        clock.set(Instant.parse("2026-11-16T21:30:00Z"));
        assertThat(preferences.decide(tenant, alice, NotificationKind.WHATSAPP_RECEIVED))
                .isEqualTo(new Preferences.Decision(true, false));
        clock.set(Instant.parse("2026-11-17T04:59:00Z"));
        assertThat(preferences.decide(tenant, alice, NotificationKind.TASK_DUE).push())
                .isFalse();
        clock.set(Instant.parse("2026-11-17T05:00:00Z"));
        assertThat(preferences.decide(tenant, alice, NotificationKind.TASK_DUE).push())
                .isTrue();
        // bob set nothing: defaults, and alice's choices are not his
        assertThat(preferences.decide(tenant, bob, NotificationKind.LEAD_NEW))
                .isEqualTo(new Preferences.Decision(true, true));
        assertThat(as(bob).get("/api/notifications/preferences").<Object>json("$.quietHours"))
                .isNull();
    }

    /** A browser's subscription: a real P-256 public point and a random auth secret. */
    private void subscribe(UUID user, String endpoint) throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var point = ((ECPublicKey) generator.generateKeyPair().getPublic()).getW();
        byte[] encoded = new byte[65];
        encoded[0] = 4;
        byte[] x = point.getAffineX().toByteArray();
        byte[] y = point.getAffineY().toByteArray();
        System.arraycopy(
                x, Math.max(0, x.length - 32), encoded, 1 + Math.max(0, 32 - x.length), Math.min(32, x.length));
        System.arraycopy(
                y, Math.max(0, y.length - 32), encoded, 33 + Math.max(0, 32 - y.length), Math.min(32, y.length));
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        var b64 = Base64.getUrlEncoder().withoutPadding();
        var answer = as(user).post(
                        "/api/notifications/subscribe",
                        "{\"endpoint\":\"%s\",\"keys\":{\"p256dh\":\"%s\",\"auth\":\"%s\"}}"
                                .formatted(endpoint, b64.encodeToString(encoded), b64.encodeToString(auth)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    @Test
    void webPushFollowsThePreferencesAndHoldsStillInQuietHours() throws Exception {
        users();
        pushes.clear();
        String endpoint = pushOrigin() + "/push/" + UUID.randomUUID();
        subscribe(alice, endpoint);
        assertThat(as(alice).put("/api/notifications/preferences", """
                        {"kinds":[{"kind":"invoice:paid","bell":true,"push":true},
                                  {"kind":"whatsapp:received","bell":true,"push":false}],
                         "quietHours":{"from":"22:00","to":"07:00"}}
                        """).status())
                .isEqualTo(200);

        // 10:00 in Israel, alice has no tab open: the lead goes out as a push
        send(customer(UUID.randomUUID(), "בשעות העבודה", "call", alice));
        assertThat(pushes.poll(20, TimeUnit.SECONDS))
                .as("a push at 10:00")
                .isEqualTo(endpoint.substring(pushOrigin().length()));

        // push turned off for WhatsApp: the bell only
        UUID customer = UUID.randomUUID();
        send(customer(customer, "שולח הודעות", "manual", alice));
        // topics are not ordered with one another: the message finds its owner once crm's event is in
        await().atMost(WAIT)
                .until(() -> jdbc.sql("select count(*) from customer_owner where tenant_id = ? and customer_id = ?")
                                .param(tenant)
                                .param(customer)
                                .query(Long.class)
                                .single()
                        == 1);
        send(event(
                WhatsAppEvent.RECEIVED,
                tenant,
                customer,
                now(),
                new WhatsAppEvent.Payload(
                        UUID.randomUUID().toString(),
                        "SM2",
                        "inbound",
                        "received",
                        "היי",
                        "+972521234567",
                        0,
                        null,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)));
        await().atMost(WAIT).until(() -> titles(alice).contains("הודעת WhatsApp משולח הודעות"));

        // 23:30 in Israel: quiet hours, the bell fills and nothing is pushed
        clock.set(Instant.parse("2026-11-16T21:30:00Z"));
        send(customer(UUID.randomUUID(), "באמצע הלילה", "whatsapp", alice));
        await().atMost(WAIT).until(() -> titles(alice).contains("ליד חדש מוואטסאפ"));
        assertThat(pushes.poll(2, TimeUnit.SECONDS))
                .as("no push in quiet hours or for WhatsApp")
                .isNull();
    }

    @Test
    void aMessageInAConversationAnAgentTookGoesToThatAgent() throws Exception {
        users();
        UUID customer = UUID.randomUUID();
        send(customer(customer, "רותם שחר", "manual", alice)); // alice owns her
        await().atMost(WAIT)
                .until(() -> jdbc.sql("select count(*) from customer_owner where tenant_id = ? and customer_id = ?")
                                .param(tenant)
                                .param(customer)
                                .query(Long.class)
                                .single()
                        == 1);
        send(event(
                WhatsAppEvent.RECEIVED,
                tenant,
                customer,
                now(),
                new WhatsAppEvent.Payload(
                        UUID.randomUUID().toString(),
                        "SM3",
                        "inbound",
                        "received",
                        "מתי אפשר לראות את הדירה?",
                        "+972521112233",
                        0,
                        null,
                        false,
                        null,
                        null,
                        null,
                        bob.toString(),
                        null,
                        "רותם שחר")));

        await().atMost(WAIT).until(() -> titles(bob).contains("הודעת WhatsApp מרותם שחר"));
        assertThat(titles(alice))
                .as("the owner, when an agent took the conversation")
                .doesNotContain("הודעת WhatsApp מרותם שחר");
    }

    private EventEnvelope allocationProblem(InvoiceEvent type, UUID customer, UUID invoiceId, String message) {
        return event(
                type,
                tenant,
                customer,
                now(),
                new InvoiceEvent.Payload(
                        invoiceId.toString(),
                        1043L,
                        "tax_invoice",
                        "awaiting_allocation",
                        10_000_00L,
                        1_800_00L,
                        11_800_00L,
                        "ILS",
                        "נדל״ן השרון בע״מ",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        message));
    }

    @Test
    void anInvoiceWithoutItsAllocationNumberGoesToTheOwnersWithTheReasonNotToTheCustomersAgent() throws Exception {
        users();
        UUID customer = UUID.randomUUID();
        send(customer(customer, "נדל״ן השרון בע״מ", "manual", alice)); // alice's customer
        UUID rejected = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        send(allocationProblem(
                InvoiceEvent.ALLOCATION_REJECTED,
                customer,
                rejected,
                "מספר העוסק של הלקוח אינו רשום במאגר רשות המסים. יש לתקן אותו בכרטיס הלקוח ולהפיק מחדש"));
        send(allocationProblem(InvoiceEvent.ALLOCATION_OVERDUE, customer, waiting, null));

        await().atMost(WAIT).until(() -> items(owner).size() == 2);
        var byType = items(owner).stream().collect(Collectors.toMap(n -> n.get("type"), n -> n));
        assertThat(byType.get("allocation:rejected"))
                .containsEntry("title", "רשות המסים דחתה את מספר ההקצאה")
                .containsEntry(
                        "body",
                        "חשבונית מס 1043 · נדל״ן השרון בע״מ · מספר העוסק של הלקוח אינו רשום במאגר רשות המסים."
                                + " יש לתקן אותו בכרטיס הלקוח ולהפיק מחדש")
                .containsEntry("link", "/invoices/" + rejected)
                .containsEntry("priority", "high");
        assertThat(byType.get("allocation:overdue"))
                .containsEntry("title", "חשבונית ממתינה למספר הקצאה זמן רב")
                .containsEntry("body", "חשבונית מס 1043 · נדל״ן השרון בע״מ")
                .containsEntry("link", "/invoices/" + waiting);
        assertThat(items(alice))
                .as("the customer's agent is not asked to fix the business's tax matters")
                .isEmpty();
    }

    @Test
    void badPreferencesAreRefusedWithA400AndChangeNothing() {
        var api = as(alice);
        for (String body : List.of(
                "{\"kinds\":[{\"kind\":\"lead:new\",\"bell\":false,\"push\":false},{\"kind\":\"nope\",\"bell\":true,\"push\":true}]}",
                "{\"kinds\":[{\"kind\":\"lead:new\",\"bell\":false}]}",
                "{\"kinds\":[{\"kind\":\"lead:new\",\"bell\":false,\"push\":false},{\"kind\":\"lead:new\",\"bell\":true,\"push\":true}]}",
                "{\"kinds\":[{\"kind\":\"lead:new\",\"bell\":false,\"push\":false}],\"quietHours\":{\"from\":\"25:00\",\"to\":\"07:00\"}}",
                "{\"kinds\":[{\"kind\":\"lead:new\",\"bell\":false,\"push\":false}],\"quietHours\":{\"from\":\"22:00\",\"to\":\"22:00\"}}",
                "{\"kinds\":[{\"kind\":\"lead:new\",\"bell\":false,\"push\":false}],\"quietHours\":{\"from\":\"22:00\"}}",
                "{\"kinds\":null}",
                "{\"kinds\":[{\"kind\":\"lead:new\",\"bell\":\"maybe\",\"push\":false}]}",
                "not json")) {
            var answer = api.put("/api/notifications/preferences", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.isJson()).as(body).isTrue();
        }
        var after = api.get("/api/notifications/preferences");
        assertThat(after.<List<Boolean>>json("$.kinds[*].bell")).containsOnly(true);
        assertThat(after.<List<String>>json("$.kinds[*].kind")).hasSize(NotificationKind.values().length);
        assertThat(Api.at(port).get("/api/notifications/preferences").status()).isEqualTo(401);
    }

    @Autowired
    NotificationRules rules;

    @Autowired
    TransactionTemplate transactions;

    /** Every published event, as a producer one version ahead sends it (ADR 0020), read by the rules. */
    @Test
    void everyPublishedEventIsReadAndUnknownTypesAndVersionsAreSkipped() {
        var reader = new EventReader(json);
        Map<String, List<String>> kinds = new TreeMap<>();
        for (EventWire.Sample sample : EventWire.everyEvent()) {
            var event = reader.read(sample.value());
            kinds.put(sample.type().type(), inRolledBackTransaction(event));
        }
        assertThat(kinds)
                .containsEntry("customer.created", List.of("lead:new"))
                .containsEntry("customer.updated", List.of())
                .containsEntry("call.completed", List.of()) // the sample was answered
                .containsEntry("whatsapp.received", List.of("whatsapp:received"))
                .containsEntry("whatsapp.sent", List.of())
                .containsEntry("contract.viewed", List.of("quote:viewed"))
                .containsEntry("contract.signed", List.of("quote:signed"))
                .containsEntry("contract.declined", List.of("quote:declined"))
                .containsEntry("contract.sent", List.of())
                .containsEntry("invoice.paid", List.of("invoice:paid"))
                .containsEntry("invoice.issued", List.of())
                .containsEntry("task.created", List.of("task:assigned"))
                .containsEntry("task.updated", List.of()) // a task never seen: not a reassignment
                .containsEntry("task.due", List.of()) // its own listener (ADR 0006)
                .containsEntry("user.created", List.of());
        assertThat(inRolledBackTransaction(reader.read(EventWire.unknownType("invoice.refunded"))))
                .isEmpty();
        assertThat(inRolledBackTransaction(
                        reader.read(EventWire.nextVersionOf(EventSamples.of(CustomerEvent.CREATED)))))
                .isEmpty();
    }

    private List<String> inRolledBackTransaction(EventEnvelope event) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            // the samples' customer, owned by the samples' user, is known first
            rules.apply(EventSamples.of(CustomerEvent.CREATED));
            return rules.apply(event).stream().map(n -> n.kind().wire()).toList();
        });
    }

    @Test
    void notificationsOlderThanNinetyDaysArePrunedInBatches() {
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into notification (id, tenant_id, user_id, type, title, created_at)
                        select gen_random_uuid(), ?, ?, 'lead:new', 'ישן', ? from generate_series(1, 2500)
                        """)
                .param(tenant)
                .param(alice)
                .param(now.minus(Duration.ofDays(91)).atOffset(ZoneOffset.UTC))
                .update();
        jdbc.sql("""
                        insert into notification (id, tenant_id, user_id, type, title, created_at)
                        values (gen_random_uuid(), ?, ?, 'lead:new', 'חדש יחסית', ?)
                        """)
                .param(tenant)
                .param(alice)
                .param(now.minus(Duration.ofDays(89)).atOffset(ZoneOffset.UTC))
                .update();
        assertThat(pruning.prune()).isGreaterThanOrEqualTo(2500);
        assertThat(titles(alice)).containsExactly("חדש יחסית");
    }
}
