package dev.agentlocator.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.ServiceJar;
import dev.agentlocator.testkit.TestJwt;
import dev.agentlocator.testkit.TwilioSigner;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A phone line to a receptionist with live providers: a telephony-service of its own, with Twilio's
 * recordings and OpenAI behind {@link LeadStubs}, and a gateway that routes to it and to the
 * suite's other services (the suite's telephony stays in sandbox, as the security sweep needs it).
 * Places signed calls the way Twilio does and sets a tenant up to receive them.
 */
final class ReceptionistLine implements AutoCloseable {

    /** What the caller says in one turn, what the receptionist answers, and what the model extracts. */
    record Said(String words, String reply, Map<String, Object> lead) {}

    private final Suite suite;
    private final LeadStubs stubs;
    private final ServiceJar telephony;
    private final ServiceJar gateway;

    ReceptionistLine(Suite suite) {
        this.suite = suite;
        this.stubs = new LeadStubs();
        String crm = "http://127.0.0.1:" + suite.service("crm-service").port();
        this.telephony = ServiceJar.of("telephony-service")
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
        this.gateway = builder.route("telephony-service", telephony.port()).start();
    }

    Api api() {
        return gateway.api();
    }

    /** One inbound call: incoming_call, a recording per turn, and the final status, all signed. */
    String call(String caller, String number, Said... turns) {
        return place(caller, number, turns).callSid();
    }

    /**
     * A placed call and when ({@link System#nanoTime()}) its last turn and its {@code completed} status
     * were answered: what the receptionist learned goes out after each turn, the call-back at the end.
     */
    record Placed(String callSid, long lastTurnAnswered, long completedAnswered) {}

    Placed place(String caller, String number, Said... turns) {
        String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
        assertThat(webhook("/webhook/incoming_call", voice(callSid, caller, number, "ringing"))
                        .status())
                .isEqualTo(200);
        long lastTurn = System.nanoTime();
        for (Said turn : turns) {
            String recordingSid = "RE" + UUID.randomUUID().toString().replace("-", "");
            var params = voice(callSid, caller, number, "in-progress");
            params.put("RecordingSid", recordingSid);
            params.put("RecordingUrl", stubs.recording(recordingSid, turn.words(), turn.reply(), turn.lead()));
            params.put("RecordingDuration", "6");
            params.put("Digits", "*");
            var answer = webhook("/webhook/handle_recording", params);
            lastTurn = System.nanoTime();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).as("the receptionist answered").contains(turn.reply());
        }
        var completed = voice(callSid, caller, number, "completed");
        completed.put("CallDuration", "75");
        assertThat(webhook("/webhook/call_status", completed).status()).isEqualTo(200);
        return new Placed(callSid, lastTurn, System.nanoTime());
    }

    /** A new active agent of the tenant, once tasks-service knows them and the owner. */
    String agentOf(Suite.Tenant tenant, Api api) {
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

    /** A number of the tenant's, as the platform's operator assigns it. */
    String numberOf(Suite.Tenant tenant) {
        String number = "+9723556" + (1000 + ThreadLocalRandom.current().nextInt(8999));
        var assigned = gateway.api()
                .withToken(TestJwt.token(UUID.randomUUID(), tenant.id(), "admin"))
                .put(
                        "/api/calls/numbers/%2B" + number.substring(1),
                        "{\"tenantId\":\"%s\",\"label\":\"קו ראשי\"}".formatted(tenant.id()));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        return number;
    }

    /** Business hours open all day, every day, as the tasks settings take them. */
    static String alwaysOpen() {
        StringBuilder days = new StringBuilder("{");
        for (String day : List.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")) {
            if (days.length() > 1) {
                days.append(',');
            }
            days.append("\"").append(day).append("\":{\"open\":\"00:00\",\"close\":\"23:59\"}");
        }
        return days.append('}').toString();
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

    private Api.Response webhook(String path, Map<String, String> params) {
        String url = "http://127.0.0.1:" + gateway.port() + path;
        return gateway.api()
                .withHeader("X-Twilio-Signature", TwilioSigner.sign(Suite.TWILIO_TOKEN, url, params))
                .send("POST", path, TwilioSigner.form(params), "application/x-www-form-urlencoded");
    }

    @Override
    public void close() {
        gateway.close();
        telephony.close();
        stubs.close();
    }
}
