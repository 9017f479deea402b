package dev.agentlocator.localstack.checks;

import com.nimbusds.jose.jwk.ECKey;
import dev.agentlocator.localstack.Console;
import dev.agentlocator.testkit.Api;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Gives the demo tenant some life beyond its customers — tasks, quotes, invoices, calls and
 * WhatsApp messages — by using the public API through the gateway, exactly as an agent would, so
 * every service's events and the timeline fill in the ordinary way. crm-service seeds only the
 * tenant, users and customers (they are its own data); everything here belongs to other services.
 *
 * <p>Runs once per stack data directory: when the demo tenant already has invoices it does nothing.
 * Tasks are due from tomorrow on, so no alert pops up the moment someone logs in.
 *
 * <p>Every request is asked again for a while when the answer means "not yet" ({@link Retry}): the
 * stack is ready only once the gateway routes to every service, but an instance can still drop out
 * of the gateway's view for a moment, and the other services learn of crm's customers from events.
 */
public final class DemoActivity {

    /** The demo office's (made-up) Twilio number: calls to it reach the demo tenant's receptionist. */
    static final String DEMO_NUMBER = "+97235550100";

    private static final ZoneId ISRAEL = ZoneId.of("Asia/Jerusalem");
    private static final Retry RETRY = Retry.standard();

    private record Line(String description, String quantity, long unitPriceAgorot) {
        String json() {
            return "{\"description\":\"%s\",\"quantity\":%s,\"unitPriceAgorot\":%d}"
                    .formatted(description, quantity, unitPriceAgorot);
        }
    }

    private final Api owner;

    private DemoActivity(Api owner) {
        this.owner = owner;
    }

    /**
     * Adds the activity through {@code gateway} unless it is there already; a failure is reported,
     * never fatal. {@code signingKey}: the one the stack gave crm-service, for the platform-admin token
     * that assigns the demo number.
     */
    public static void ensure(String gateway, ECKey signingKey) {
        try {
            var login = expect(
                    () -> Api.at(gateway)
                            .post(
                                    "/api/auth/login",
                                    "{\"email\":\"demo@agentlocator.dev\",\"password\":\"demo1234!\"}"),
                    200,
                    "log in as the demo owner");
            var demo = new DemoActivity(Api.at(gateway).withToken(login.json("$.accessToken")));
            assignDemoNumber(gateway, signingKey, UUID.fromString(login.json("$.user.tenantId")));
            if (demo.alreadyThere()) {
                return;
            }
            demo.create();
            Console.info("demo activity added: tasks, quotes, invoices, calls and WhatsApp messages");
        } catch (RuntimeException e) {
            Console.error("demo activity not added: " + e.getMessage());
        }
    }

    /** Only the platform admin assigns numbers (ADR 0007); assigning the same number again is harmless. */
    private static void assignDemoNumber(String gateway, ECKey signingKey, UUID tenant) {
        String admin = AccessTokens.sign(signingKey, tenant, "admin");
        optional(
                () -> Api.at(gateway)
                        .withToken(admin)
                        .put(
                                "/api/calls/numbers/" + DEMO_NUMBER,
                                "{\"tenantId\":\"%s\",\"label\":\"הקו הראשי\"}".formatted(tenant)),
                "assign the demo phone number");
    }

    private boolean alreadyThere() {
        var invoices = expect(() -> owner.get("/api/invoices?limit=1"), 200, "look for earlier demo invoices");
        return invoices.<Integer>json("$.total") > 0;
    }

    private void create() {
        var page = expect(() -> owner.get("/api/crm/customers?limit=12&sort=name"), 200, "list customers");
        List<String> customers = page.json("$.items[*].id");
        List<String> agents = agentIds();

        LocalDate tomorrow = LocalDate.now(ISRAEL).plusDays(1);
        String[][] tasks = {
            {"להתקשר לגבי דירת 4 חדרים ברמת גן", "call", "10:00"},
            {"לשלוח הצעת מחיר מעודכנת", "email", "11:30"},
            {"פגישה בנכס ברחוב הרצל", "meeting", "14:00"},
            {"תזכורת: לבדוק אישור משכנתא", "whatsapp", "16:30"},
            {"מעקב אחרי סיור בנכס", "call", "09:15"},
            {"לתאם חתימה על חוזה", "meeting", "12:00"},
        };
        for (int i = 0; i < tasks.length; i++) {
            var due = ZonedDateTime.of(tomorrow.plusDays(i / 2), LocalTime.parse(tasks[i][2]), ISRAEL)
                    .toOffsetDateTime();
            String assignee =
                    agents.isEmpty() || i % 3 == 0 ? "" : ",\"assigneeId\":\"" + agents.get(i % agents.size()) + "\"";
            // tasks-service accepts an agent as assignee once crm's user event has reached it
            awaitCreated(
                    "/api/tasks",
                    "{\"title\":\"%s\",\"customerId\":\"%s\",\"dueAt\":\"%s\",\"channel\":\"%s\"%s}"
                            .formatted(tasks[i][0], customers.get(i), due, tasks[i][1], assignee),
                    "create a task");
        }

        List<Line> brokerage = List.of(
                new Line("דמי תיווך — מכירת דירה", "1", 1_250_000), new Line("צילום מקצועי של הנכס", "1", 45_000));
        List<Line> rental = List.of(new Line("דמי תיווך — השכרה", "1", 620_000));
        List<Line> consulting = List.of(new Line("ייעוץ נדל״ן (שעה)", "2.5", 40_000));

        String firstQuote = awaitCreated(
                "/api/contracts", contract(customers.get(0), "הצעת מחיר — מכירת דירה", brokerage), "create a quote");
        awaitCreated("/api/contracts", contract(customers.get(1), "הסכם תיווך — השכרה", rental), "create a quote");
        awaitCreated("/api/contracts", contract(customers.get(2), "הצעת מחיר — ייעוץ", consulting), "create a quote");
        expect(() -> owner.post("/api/contracts/" + firstQuote + "/send", "{}"), 200, "send a quote for signature");

        List<List<Line>> invoiceLines = List.of(brokerage, rental, consulting, rental, consulting);
        for (int i = 0; i < invoiceLines.size(); i++) {
            String id = awaitCreated(
                    "/api/invoices", invoice(customers.get(3 + i), invoiceLines.get(i)), "create an invoice");
            if (i < 4) {
                expect(() -> owner.post("/api/invoices/" + id + "/issue", "{}"), 200, "issue an invoice");
            }
            if (i < 2) {
                expect(() -> owner.post("/api/invoices/" + id + "/pay", "{}"), 200, "mark an invoice paid");
            }
        }

        // the office line that click-to-call rings first, so calling is one click in the demo
        optional(() -> owner.put("/api/calls/settings", "{\"forwardTo\":\"03-5551234\"}"), "set the forwarding phone");
        for (int i = 0; i < 3; i++) {
            String customer = customers.get(8 + i);
            optional(() -> owner.post("/api/customers/" + customer + "/call/start", "{}"), "start a call");
            optional(
                    // nobody wrote yet: outside the 24-hour window the opening template goes (ADR 0029)
                    () -> owner.post("/api/customers/" + customer + "/whatsapp/start", "{}"),
                    "send a WhatsApp message");
        }
    }

    private List<String> agentIds() {
        var users = RETRY.until(() -> owner.get("/api/users"), Retry::notRouted).response();
        if (users.status() != 200) {
            return List.of();
        }
        return users.json("$.items[?(@.role == 'agent')].id");
    }

    /**
     * POSTs until the service creates it: a 4xx means it has not yet heard of the customer from
     * crm's events, a 503 that the gateway does not route to it yet; the new id.
     */
    private String awaitCreated(String path, String body, String what) {
        Predicate<Api.Response> notYet = r -> Retry.notRouted(r) || r.status() / 100 == 4;
        Retry.Outcome outcome = RETRY.until(() -> owner.post(path, body), notYet);
        return require(outcome, 201, what).json("$.id");
    }

    private static String contract(String customerId, String title, List<Line> lines) {
        return "{\"customerId\":\"%s\",\"title\":\"%s\",\"lines\":[%s]}"
                .formatted(
                        customerId,
                        title,
                        String.join(",", lines.stream().map(Line::json).toList()));
    }

    private static String invoice(String customerId, List<Line> lines) {
        return "{\"customerId\":\"%s\",\"type\":\"tax_invoice\",\"lines\":[%s]}"
                .formatted(
                        customerId,
                        String.join(",", lines.stream().map(Line::json).toList()));
    }

    /** Sends the request (again while the gateway answers 503) and insists on {@code status}. */
    private static Api.Response expect(Supplier<Api.Response> request, int status, String what) {
        return require(RETRY.until(request, Retry::notRouted), status, what);
    }

    private static Api.Response require(Retry.Outcome outcome, int status, String what) {
        if (outcome.response().status() != status) {
            throw new IllegalStateException(what + ": " + outcome.describe());
        }
        return outcome.response();
    }

    /** Calls, messages and the number need telephony's sandbox; their absence must not hold the rest back. */
    private static void optional(Supplier<Api.Response> request, String what) {
        Retry.Outcome outcome = RETRY.until(request, Retry::notRouted);
        if (outcome.response().status() / 100 != 2) {
            Console.error("demo activity: could not " + what + " (" + outcome.describe() + ")");
        }
    }
}
