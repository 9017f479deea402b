package dev.agentlocator.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceJar;
import dev.agentlocator.testkit.TestJwt;
import dev.agentlocator.testkit.TwilioSigner;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, from call to qualified lead, on the real jars through a real gateway: signed Twilio
 * webhooks of a call whose turns name the caller and a budget; within seconds crm's customer has
 * that name and budget, a call-back task exists for the right agent, and the timeline shows the
 * call, the details filled from it and the task. A later call never overwrites what an agent typed.
 *
 * <p>This class runs a telephony-service of its own, with Twilio's recordings and OpenAI behind a
 * local stub ({@link LeadStubs}), and a gateway that routes to it and to the suite's other
 * services: the suite's telephony stays in sandbox, as the security sweep needs it.
 */
class LeadFromCallIT {

    static final java.time.LocalTime LATE = java.time.LocalTime.of(23, 43);

    static Suite suite;
    static LeadStubs stubs;
    static ServiceJar telephony;
    static ServiceJar gateway;

    @BeforeAll
    static void aTelephonyWithLiveProvidersBehindAGateway() {
        suite = Suite.get();
        stubs = new LeadStubs();
        String crm = "http://127.0.0.1:" + suite.service("crm-service").port();
        telephony = ServiceJar.of("telephony-service")
                .database("TELEPHONY_DATABASE_URL")
                .env("JWKS_URL", crm + "/.well-known/jwks.json")
                .env("CRM_BASE_URL", crm)
                .env("TWILIO_SID", LeadStubs.ACCOUNT_SID)
                .env("TWILIO_TOKEN", Suite.TWILIO_TOKEN)
                .env("TWILIO_API_BASE_URL", stubs.url())
                .env("OPENAI_API_KEY", LeadStubs.OPENAI_KEY)
                .env("OPENAI_BASE_URL", stubs.url())
                // its own consumer group: the suite's telephony keeps every customer event it needs
                .env("SPRING_KAFKA_CONSUMER_GROUP_ID", "telephony-lead-system-test")
                .env("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "3")
                .env("SPRING_DATASOURCE_HIKARI_MINIMUM_IDLE", "1")
                .start();
        var builder = ServiceJar.of("gateway")
                .env("GATEWAY_TRUSTED_PROXIES", Suite.TRUSTED_PROXY)
                .env("JWKS_URL", crm + "/.well-known/jwks.json");
        suite.services().forEach((name, jar) -> {
            if (!name.equals("telephony-service")) {
                builder.route(name, jar.port());
            }
        });
        gateway = builder.route("telephony-service", telephony.port()).start();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (telephony != null) {
            telephony.close();
        }
        if (stubs != null) {
            stubs.close();
        }
    }

    @Test
    void aCallNamingTheCallerAndABudgetQualifiesTheLeadAndLeavesACallBackTask() {
        var tenant = suite.signUp("leads");
        Api api = gateway.api().withToken(tenant.token());
        String agent = agentOf(tenant, api);
        var settings = api.put("/api/tasks/settings", """
                {"responseMinutes":15,"onDutyUserId":"%s","businessHours":%s}""".formatted(agent, alwaysOpen()));
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        String number = numberOf(tenant);
        String caller = "+97252" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));

        String callSid = call(
                caller,
                number,
                new Said(
                        "שלום, קוראים לי דנה כהן ואני רוצה לקנות דירה",
                        "נעים מאוד דנה. באיזה אזור ובאיזה תקציב?",
                        Map.of("name", "דנה כהן", "intent", "buy", "summary", "דנה רוצה לקנות דירה.")),
                new Said(
                        "ברמת גן, ארבעה חדרים, עד שני מיליון וחצי",
                        "מצוין, נציג יחזור אלייך בהקדם.",
                        Map.of(
                                "name", "דנה כהן",
                                "intent", "buy",
                                "area", "רמת גן",
                                "rooms", 4,
                                "budget", 2_500_000,
                                "summary", "דנה מחפשת דירת 4 חדרים לקנייה ברמת גן, עד 2.5 מיליון ש״ח.",
                                "callbackPromised", true)));
        long lastWebhook = System.nanoTime();
        OffsetDateTime hungUp = OffsetDateTime.now();

        Suite.await(
                "crm's customer to carry the caller's name and budget",
                Duration.ofSeconds(10),
                () -> suite.count(
                                "crm-service",
                                "select count(*) from customer where tenant_id = ? and phone = ? and name = ?"
                                        + " and budget_agorot = 250000000 and area = 'רמת גן' and deal_type = 'buy'",
                                tenant.id(),
                                caller,
                                "דנה כהן")
                        == 1);
        long updatedMillis = (System.nanoTime() - lastWebhook) / 1_000_000;
        System.out.println("lead-from-call: customer updated " + updatedMillis + " ms after the last webhook");
        String customer = customerId(api, caller);

        Suite.await(
                "a call-back task for the on-duty agent",
                Duration.ofSeconds(10),
                () -> api.get("/api/tasks?customerId=" + customer).<Integer>json("$.total") == 1);
        var task = api.get("/api/tasks?customerId=" + customer);
        assertThat(task.<String>json("$.items[0].assigneeId")).isEqualTo(agent);
        assertThat(task.<String>json("$.items[0].channel")).isEqualTo("call");
        assertThat(task.<String>json("$.items[0].title")).isEqualTo("לחזור אל דנה כהן (הובטח בשיחה)");
        assertThat(task.<String>json("$.items[0].callId")).isEqualTo(callIdOf(api, callSid));
        // open 00:00-23:59 every day: due within the 15 minutes, unless the call came in the
        // day's last quarter hour, when the rest carries over past midnight
        if (hungUp.atZoneSameInstant(java.time.ZoneId.of("Asia/Jerusalem"))
                .toLocalTime()
                .isBefore(LATE)) {
            assertThat(OffsetDateTime.parse(task.<String>json("$.items[0].dueAt")))
                    .as("due within the response time")
                    .isBeforeOrEqualTo(hungUp.plusMinutes(15).plusSeconds(5));
        }

        Suite.await(
                "the timeline to show the call, the details filled from it and the task",
                Duration.ofSeconds(15),
                () -> titles(api, customer)
                        .containsAll(List.of(
                                "שיחה נכנסת נענתה ע״י המזכירה",
                                "פרטים עודכנו מהשיחה",
                                "משימה נוצרה: לחזור אל דנה כהן (הובטח בשיחה)")));

        // An agent corrects the name and takes the customer; a later call never undoes that.
        var corrected = api.patch(
                "/api/crm/customers/" + customer, "{\"name\":\"דנה לוי\",\"ownerId\":\"" + tenant.ownerId() + "\"}");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        Suite.await(
                "tasks to learn the customer's owner",
                Duration.ofSeconds(20),
                () -> suite.count(
                                "tasks-service",
                                "select count(*) from customer where id = ? and owner_id = ?",
                                UUID.fromString(customer),
                                tenant.ownerId())
                        == 1);
        String second = call(
                caller,
                number,
                new Said(
                        "זו שוב דנה כהן, בעצם גבעתיים, שלושה חדרים",
                        "רשמתי, נציג יחזור אלייך.",
                        Map.of(
                                "name", "דנה כהן",
                                "intent", "buy",
                                "area", "גבעתיים",
                                "rooms", 3,
                                "timing", "עד הקיץ",
                                "callbackPromised", true)));
        Suite.await(
                "the second call's empty field to fill",
                Duration.ofSeconds(10),
                () -> "עד הקיץ".equals(api.get("/api/crm/customers/" + customer).json("$.timing")));
        var after = api.get("/api/crm/customers/" + customer);
        assertThat(after.<String>json("$.name")).as("the agent's name stays").isEqualTo("דנה לוי");
        assertThat(after.<String>json("$.area"))
                .as("filled by the first call, not replaced")
                .isEqualTo("רמת גן");
        assertThat(after.<Integer>json("$.budgetAgorot")).isEqualTo(250_000_000);
        Suite.await(
                "the second call's task for the customer's owner",
                Duration.ofSeconds(10),
                () -> api.get("/api/tasks?customerId=" + customer).<Integer>json("$.total") == 2);
        String secondCall = callIdOf(api, second);
        var tasks = api.get("/api/tasks?customerId=" + customer + "&limit=10");
        List<Map<String, Object>> items = tasks.json("$.items");
        assertThat(items)
                .filteredOn(t -> secondCall.equals(t.get("callId")))
                .singleElement()
                .satisfies(t -> assertThat(t.get("assigneeId"))
                        .isEqualTo(tenant.ownerId().toString()));
    }

    record Said(String words, String reply, Map<String, Object> lead) {}

    /** One inbound call: incoming_call, a recording per turn, and the final status, all signed. */
    private String call(String caller, String number, Said... turns) {
        String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
        assertThat(webhook("/webhook/incoming_call", voice(callSid, caller, number, "ringing"))
                        .status())
                .isEqualTo(200);
        for (Said turn : turns) {
            String recordingSid = "RE" + UUID.randomUUID().toString().replace("-", "");
            var params = voice(callSid, caller, number, "in-progress");
            params.put("RecordingSid", recordingSid);
            params.put("RecordingUrl", stubs.recording(recordingSid, turn.words(), turn.reply(), turn.lead()));
            params.put("RecordingDuration", "6");
            params.put("Digits", "*");
            var answer = webhook("/webhook/handle_recording", params);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).as("the receptionist answered").contains(turn.reply());
        }
        var completed = voice(callSid, caller, number, "completed");
        completed.put("CallDuration", "75");
        assertThat(webhook("/webhook/call_status", completed).status()).isEqualTo(200);
        return callSid;
    }

    private static Map<String, String> voice(String callSid, String from, String to, String status) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccountSid", LeadStubs.ACCOUNT_SID);
        p.put("CallSid", callSid);
        p.put("CallStatus", status);
        p.put("Direction", "inbound");
        p.put("From", from);
        p.put("To", to);
        return p;
    }

    private static Api.Response webhook(String path, Map<String, String> params) {
        String url = "http://127.0.0.1:" + gateway.port() + path;
        return gateway.api()
                .withHeader("X-Twilio-Signature", TwilioSigner.sign(Suite.TWILIO_TOKEN, url, params))
                .send("POST", path, TwilioSigner.form(params), "application/x-www-form-urlencoded");
    }

    private static String agentOf(Suite.Tenant tenant, Api api) {
        var agent = api.post("/api/users", """
                {"name":"סוכנת תורנית","email":"agent-%s@example.test","password":"a-long-password-1","role":"agent"}""".formatted(UUID.randomUUID()));
        assertThat(agent.status()).as(agent.body()).isEqualTo(201);
        String id = agent.json("$.user.id");
        Suite.await(
                "tasks-service to know the agent and the owner",
                Duration.ofSeconds(60),
                () -> suite.count(
                                "tasks-service",
                                "select count(*) from app_user where tenant_id = ? and id in (?, ?) and active",
                                tenant.id(),
                                UUID.fromString(id),
                                tenant.ownerId())
                        == 2);
        return id;
    }

    private static String numberOf(Suite.Tenant tenant) {
        String number = "+9723556" + (1000 + ThreadLocalRandom.current().nextInt(8999));
        var assigned = gateway.api()
                .withToken(TestJwt.token(UUID.randomUUID(), tenant.id(), "admin"))
                .put(
                        "/api/calls/numbers/%2B" + number.substring(1),
                        "{\"tenantId\":\"%s\",\"label\":\"קו ראשי\"}".formatted(tenant.id()));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        return number;
    }

    private static String alwaysOpen() {
        StringBuilder days = new StringBuilder("{");
        for (String day : List.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")) {
            if (days.length() > 1) {
                days.append(',');
            }
            days.append("\"").append(day).append("\":{\"open\":\"00:00\",\"close\":\"23:59\"}");
        }
        return days.append('}').toString();
    }

    private static String customerId(Api api, String phone) {
        var found = api.get("/api/crm/customers?q=0" + phone.substring(4));
        assertThat(found.<Integer>json("$.total")).as(found.body()).isEqualTo(1);
        return found.json("$.items[0].id");
    }

    private static String callIdOf(Api api, String callSid) {
        var call = api.get("/api/calls/" + callSid);
        assertThat(call.status()).as(call.body()).isEqualTo(200);
        return call.json("$.call.id");
    }

    private static List<String> titles(Api api, String customer) {
        var timeline = api.get("/api/customers/" + customer + "/timeline");
        return timeline.status() == 200 ? timeline.json("$.items[*].title") : List.of();
    }
}
