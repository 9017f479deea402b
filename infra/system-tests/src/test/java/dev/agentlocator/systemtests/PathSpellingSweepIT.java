package dev.agentlocator.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.systemtests.Business.SigningLink;
import dev.agentlocator.systemtests.OpenApi.Operation;
import dev.agentlocator.systemtests.Suite.Tenant;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.PathSpellings;
import dev.agentlocator.testkit.RawHttp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: {@code POST /%77ebhook/incoming_call} without a signature wrote a call log and a lead.
 * Every public route family is tried in every other spelling through the real gateway, with
 * requests that would write if they reached a handler (a number the tenant owns, a customer with a
 * WhatsApp thread, a live signing link, a real account): each is refused 400 at the gateway and
 * nothing changes in any database. The canonical spelling without a signature is refused by
 * telephony (403). Then every route of every OpenAPI document gets the structural spellings.
 */
class PathSpellingSweepIT {

    private static final RawHttp ATTACKER = RawHttp.from("127.0.0.1");
    private static final String FORM = "application/x-www-form-urlencoded";

    private static Suite suite;
    private static Tenant tenant;
    private static String number;
    private static String customerPhone;
    private static SigningLink link;
    private static String documentSha;

    @BeforeAll
    static void aTenantWithSomethingToAttack() {
        suite = Suite.get();
        tenant = suite.signUp("paths");
        var business = new Business(suite, tenant);
        number = business.phoneNumber();
        customerPhone = Business.randomMobile();
        String customer = business.customer("לקוחה לבדיקת נתיבים", customerPhone);
        business.whatsApp(customer, "שלום");
        link = business.contractSentForSignature(customer);
        var view = suite.viaGateway().get("/api/public/sign/" + link.token());
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        documentSha = view.json("$.documentSha256");
    }

    /** A request that would write something if it reached its handler. */
    record Attack(String method, String path, String contentType, String body, int canonicalStatus) {}

    private static List<Attack> attacks() {
        String call = "CA" + UUID.randomUUID().toString().replace("-", "");
        String caller = "%2B972501234567";
        String to = "%2B" + number.substring(1);
        return List.of(
                new Attack(
                        "POST",
                        "/webhook/incoming_call",
                        FORM,
                        "CallSid=" + call + "&From=" + caller + "&To=" + to + "&CallStatus=ringing",
                        403),
                new Attack(
                        "POST",
                        "/webhook/handle_recording",
                        FORM,
                        "CallSid=" + call + "&From=" + caller + "&To=" + to
                                + "&RecordingSid=RE1&RecordingUrl=https%3A%2F%2Fapi.twilio.com%2Fr%2FRE1&RecordingDuration=4",
                        403),
                new Attack("POST", "/webhook/call_status", FORM, "CallSid=" + call + "&CallStatus=completed", 403),
                new Attack(
                        "POST",
                        "/webhook/whatsapp_incoming",
                        FORM,
                        "MessageSid=SM" + call.substring(2) + "&From=whatsapp%3A%2B" + customerPhone.substring(1)
                                + "&To=whatsapp%3A" + to + "&Body=%D7%A9%D7%9C%D7%95%D7%9D",
                        403),
                new Attack(
                        "POST",
                        "/webhook/whatsapp_status",
                        FORM,
                        "MessageSid=SM" + call.substring(2) + "&MessageStatus=read",
                        403),
                new Attack("GET", "/static/voice_responses/greeting-sweep.mp3", null, null, 404),
                new Attack("GET", "/api/public/sign/" + link.token(), null, null, 200),
                new Attack("POST", "/api/public/sign/" + link.token() + "/decline", "application/json", "{}", -1),
                new Attack(
                        "POST",
                        "/api/public/sign/" + link.token(),
                        "application/json",
                        """
                        {"signature":"%s","signerName":"מתחזה","documentSha256":"%s"}""".formatted(Business.SIGNATURE, documentSha),
                        -1),
                new Attack(
                        "POST",
                        "/api/auth/login",
                        "application/json",
                        "{\"email\":\"%s\",\"password\":\"wrong-password\"}".formatted(tenant.email()),
                        401),
                new Attack("POST", "/api/auth/signup", "application/json", """
                        {"businessName":"מתחזה","name":"מתחזה","email":"%s@example.test","password":"a-long-password-1"}""".formatted(UUID.randomUUID()), -1));
    }

    @Test
    void everyOtherSpellingOfAPublicRouteIsRefusedAtTheGatewayAndWritesNothing() {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Attack attack : attacks()) {
            var before = rows();
            for (String spelling : PathSpellings.of(attack.path())) {
                Api.Response reply = ATTACKER.send(
                        suite.gateway().port(), attack.method(), spelling, attack.contentType(), attack.body());
                sent++;
                if (reply.status() != 400
                        || !reply.isJson()
                        || !"non_canonical_path".equals(reply.json("$.error"))
                        || !reply.<String>json("$.message").matches(".*\\p{IsHebrew}.*")) {
                    failures.add(attack.method() + " " + spelling + " -> " + reply.status() + " " + reply.body());
                }
            }
            String otherCase = PathSpellings.otherCase(attack.path());
            Api.Response reply = ATTACKER.send(
                    suite.gateway().port(), attack.method(), otherCase, attack.contentType(), attack.body());
            if (reply.status() < 400 || reply.status() >= 500) {
                failures.add(attack.method() + " " + otherCase + " (another path) -> " + reply.status());
            }
            var after = rows();
            if (!after.equals(before)) {
                failures.add(attack.method() + " " + attack.path() + ": its spellings changed " + diff(before, after));
            }
        }
        System.out.println(
                "Path spellings: " + sent + " requests over " + attacks().size() + " public routes");
        assertThat(failures).isEmpty();
        assertThat(suite.viaGateway()
                        .withToken(tenant.token())
                        .get("/api/contracts/" + link.contractId())
                        .<String>json("$.status"))
                .as("the contract is neither signed nor declined")
                .isEqualTo("viewed");
    }

    @Test
    void theCanonicalSpellingWithoutASignatureIsRefusedByTheServiceAndWritesNothing() {
        for (Attack attack : attacks()) {
            if (attack.canonicalStatus() < 0 || attack.path().startsWith("/api/")) {
                continue; // these would sign, decline, sign up or count a failed login: they are meant to
            }
            var before = rows();
            Api.Response reply = ATTACKER.send(
                    suite.gateway().port(), attack.method(), attack.path(), attack.contentType(), attack.body());
            assertThat(reply.status()).as(attack.path() + " " + reply.body()).isEqualTo(attack.canonicalStatus());
            assertThat(withoutRefusalRecords(rows())).as(attack.path()).isEqualTo(withoutRefusalRecords(before));
        }
    }

    /**
     * A refused signature on a number a tenant holds is counted for that number's health (ADR 0032):
     * the record of the refusal, not something the forged request wrote.
     */
    private static Map<String, Long> withoutRefusalRecords(Map<String, Long> rows) {
        Map<String, Long> kept = new TreeMap<>(rows);
        kept.remove("telephony-service.webhook_signature_failure");
        return kept;
    }

    @Test
    void everyDocumentedRouteRefusesTheStructuralSpellings() {
        List<Operation> operations = new ArrayList<>();
        suite.services()
                .forEach((name, jar) -> operations.addAll(
                        OpenApi.parse(jar.api().get("/v3/api-docs").body()).operations(name)));
        assertThat(operations).hasSizeGreaterThan(40);
        var before = allRows();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Operation op : operations) {
            String path = fill(op.path());
            for (String spelling : PathSpellings.ofStructure(path)) {
                Api.Response reply = ATTACKER.withToken(tenant.token())
                        .send(suite.gateway().port(), op.method(), spelling, "application/json", "{}");
                sent++;
                if (reply.status() != 400 || !reply.isJson() || !"non_canonical_path".equals(reply.json("$.error"))) {
                    failures.add(op + " as " + spelling + " -> " + reply.status() + " " + reply.body());
                }
            }
        }
        System.out.println("Structural spellings: " + sent + " requests over " + operations.size() + " operations");
        assertThat(failures).isEmpty();
        assertThat(allRows()).isEqualTo(before);
    }

    private static String fill(String template) {
        Matcher variables = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (variables.find()) {
            String value = variables.group(1).equals("phone")
                    ? "%2B972501234567"
                    : UUID.randomUUID().toString().replace("-", "");
            variables.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        variables.appendTail(out);
        return out.toString();
    }

    /** Row counts of the databases a public route could write to, once their background work settles. */
    private static Map<String, Long> rows() {
        return rowsOf(List.of("telephony-service", "crm-service", "billing-service"));
    }

    private static Map<String, Long> allRows() {
        return rowsOf(List.copyOf(suite.services().keySet()));
    }

    private static Map<String, Long> rowsOf(List<String> services) {
        Map<String, Long> rows = new TreeMap<>();
        for (String service : services) {
            var previous = suite.rowCounts(service);
            for (int i = 0; i < 20; i++) {
                Suite.sleep(100);
                var now = suite.rowCounts(service);
                if (now.equals(previous)) {
                    break;
                }
                previous = now;
            }
            previous.forEach((table, count) -> rows.put(service + "." + table, count));
        }
        return rows;
    }

    private static Map<String, String> diff(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> changed = new LinkedHashMap<>();
        after.forEach((table, count) -> {
            if (!count.equals(before.get(table))) {
                changed.put(table, before.get(table) + " → " + count);
            }
        });
        return changed;
    }
}
