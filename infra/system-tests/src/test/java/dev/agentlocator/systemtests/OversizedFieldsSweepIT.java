package dev.agentlocator.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.systemtests.OpenApi.Operation;
import dev.agentlocator.systemtests.Suite.Tenant;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/**
 * One oversized record once stopped a service's whole event stream (issue 16): a 2 MB field went
 * into the database, its event could never be sent, and the outbox relay retried it forever. This
 * walks every write operation of every service's OpenAPI document (read at run time, so routes added
 * later are swept too) through the gateway and makes each string field, one at a time, 100 KB and
 * 1 MB long, the rest of the body valid: every such request must be a 4xx JSON refusal that writes
 * nothing, and afterwards every service's outbox must still drain.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OversizedFieldsSweepIT {

    /** Below every body cap, so the field's own limit must refuse it; and above the 1 MB cap. */
    private static final List<Integer> SIZES = List.of(100 * 1024, 1024 * 1024);

    /** Tables a refused request may still write to: a failed login is recorded for the throttle. */
    private static final Map<String, Set<String>> EXPECTED_WRITES =
            Map.of("POST /api/auth/login", Set.of("login_failure"));

    private static Suite suite;
    private static Tenant tenant;
    private static final Map<String, String> ids = new LinkedHashMap<>();
    private static final Map<String, String> docs = new LinkedHashMap<>();
    private static final List<Operation> writes = new ArrayList<>();

    @BeforeAll
    static void aTenantWithOneOfEverything() {
        suite = Suite.get();
        tenant = suite.signUp("oversized");
        var api = tenant.api(suite);
        String phone = "+97254" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        var customer = api.post("/api/crm/customers", """
                {"name":"לקוח לבדיקת גודל","phone":"%s"}""".formatted(phone));
        assertThat(customer.status()).as(customer.body()).isEqualTo(201);
        ids.put("customer", customer.json("$.id"));
        var task = api.post("/api/tasks", """
                {"title":"משימה","customerId":"%s","dueAt":"%s"}""".formatted(
                        ids.get("customer"), OffsetDateTime.now(ZoneOffset.UTC).plusDays(2)));
        assertThat(task.status()).as(task.body()).isEqualTo(201);
        ids.put("task", task.json("$.id"));
        String lines = "[{\"description\":\"שורה\",\"quantity\":1,\"unitPriceAgorot\":10000}]";
        // billing learns the customer from crm's events: retry until it has
        Suite.await("billing to know the customer", Duration.ofSeconds(60), () -> {
            var contract = api.post("/api/contracts", """
                    {"customerId":"%s","title":"חוזה","lines":%s}""".formatted(ids.get("customer"), lines));
            if (contract.status() == 201) {
                ids.put("contract", contract.json("$.id"));
            }
            return contract.status() == 201;
        });
        var invoice = api.post("/api/invoices", """
                {"customerId":"%s","type":"tax_invoice","lines":%s}""".formatted(ids.get("customer"), lines));
        assertThat(invoice.status()).as(invoice.body()).isEqualTo(201);
        ids.put("invoice", invoice.json("$.id"));
        ids.put("user", tenant.ownerId().toString());

        for (var service : suite.services().keySet()) {
            var document = suite.service(service).api().get("/v3/api-docs");
            assertThat(document.status()).as(service + " /v3/api-docs").isEqualTo(200);
            docs.put(service, document.body());
            OpenApi.parse(document.body()).operations(service).stream()
                    .filter(op -> !op.method().equals("GET"))
                    .filter(op -> op.bodyTypes().keySet().stream().anyMatch(type -> type.contains("json")))
                    .forEach(writes::add);
        }
    }

    @Test
    @Order(1)
    void everyStringFieldOfEveryWriteRouteRefusesAnOversizedValueAndWritesNothing() {
        List<String> failures = new ArrayList<>();
        Map<String, Integer> refusals = new TreeMap<>();
        int fields = 0;
        int requests = 0;
        for (Operation op : writes) {
            var schema = op.bodyTypes().entrySet().stream()
                    .filter(type -> type.getKey().contains("json"))
                    .findFirst()
                    .orElseThrow()
                    .getValue();
            var openApi = OpenApi.parse(docs.get(op.service()));
            var sample = openApi.sample(schema, Map.of("customerId", ids.get("customer"), "minutes", 15));
            String path = fill(op.path());
            Set<String> mayWrite = EXPECTED_WRITES.getOrDefault(op.method() + " " + op.path(), Set.of());
            awaitQuiet(op.service());
            for (int size : SIZES) {
                for (var variant : OpenApi.eachStringReplaced(sample, "ש".repeat(size / 2))) {
                    if (size == SIZES.get(0)) {
                        fields++;
                    }
                    var before = withoutTables(suite.rowCounts(op.service()), mayWrite);
                    Http.Reply reply = send(op, path, OpenApi.JSON.writeValueAsBytes(variant.body()));
                    requests++;
                    var after = withoutTables(suite.rowCounts(op.service()), mayWrite);
                    String what = op + " with " + variant.field() + " of " + size / 1024 + " KB";
                    refusals.merge(reply.status() + " " + errorCode(reply), 1, Integer::sum);
                    if (reply.status() < 400 || reply.status() >= 500) {
                        failures.add(
                                what + ": expected a 4xx, got " + reply + ", rows changed: " + diff(before, after));
                    } else if (!reply.isJson()) {
                        failures.add(what + ": a 4xx but not JSON: " + reply);
                    } else if (!before.equals(after)) {
                        failures.add(what + ": refused with " + reply.status() + " but rows changed: "
                                + diff(before, after));
                    }
                }
            }
        }
        System.out.println("Oversized-fields sweep: " + requests + " requests, " + fields + " string fields over "
                + writes.size() + " write routes; answers: " + refusals);
        assertThat(writes.size()).as("write routes with a JSON body").isGreaterThan(20);
        assertThat(fields).as("string fields swept").isGreaterThan(50);
        assertThat(failures)
                .as("oversized fields that were not refused cleanly")
                .isEmpty();
    }

    @Test
    @Order(2)
    void aCsvImportWithOversizedCellsWritesNothing() {
        List<String> columns = List.of("name", "phone", "email", "vatId", "tags", "notes", "area");
        var csv = new StringBuilder(String.join(",", columns)).append('\n');
        for (int oversized = 0; oversized < columns.size(); oversized++) {
            for (int column = 0; column < columns.size(); column++) {
                if (column > 0) {
                    csv.append(',');
                }
                csv.append(column == oversized ? "9".repeat(100 * 1024) : validCell(columns.get(column), oversized));
            }
            csv.append('\n');
        }
        awaitQuiet("crm-service");
        var before = suite.rowCounts("crm-service");

        var reply = Http.send(
                suite.gateway().port(),
                "POST",
                "/api/crm/customers/import",
                tenant.token(),
                "text/csv; charset=utf-8",
                csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.body()).contains("\"created\":0");
        assertThat(suite.rowCounts("crm-service")).as("nothing written").isEqualTo(before);
    }

    @Test
    @Order(3)
    void everyServicesOutboxStillDrainsAfterTheSweep() {
        for (var service : suite.services().keySet()) {
            Suite.await(
                    service + "'s outbox to drain",
                    Duration.ofSeconds(60),
                    () -> suite.count(service, "select count(*) from outbox_event where published_at is null") == 0);
        }
        // and the relay is still at work: a new change goes out
        var created = tenant.api(suite).post("/api/crm/customers", """
                {"name":"אחרי הסריקה","phone":"+97253%07d"}""".formatted(
                        ThreadLocalRandom.current().nextInt(9_999_999)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json("$.id");
        Suite.await(
                "the new customer's event to be published",
                Duration.ofSeconds(30),
                () -> suite.count(
                                "crm-service",
                                "select count(*) from outbox_event where event_key = ? and published_at is not null",
                                id)
                        == 1);
    }

    private static String errorCode(Http.Reply reply) {
        Matcher code = Pattern.compile("\"error\":\"([a-z_]+)\"").matcher(reply.body());
        return code.find() ? code.group(1) : "-";
    }

    private static String validCell(String column, int row) {
        return switch (column) {
            case "name" -> "שורה " + row;
            case "phone" -> "050-99900" + (10 + row);
            default -> "";
        };
    }

    private static Http.Reply send(Operation op, String path, byte[] body) {
        try {
            return Http.send(suite.gateway().port(), op.method(), path, tenant.token(), "application/json", body);
        } catch (UncheckedIOException e) {
            // a server may close the connection on a body over its cap rather than read it
            return new Http.Reply(413, "application/json", "(connection closed by the server)");
        }
    }

    /** Path variables: the tenant's own ids where the path names one of its resources, else random. */
    private static String fill(String template) {
        String resource = template.startsWith("/api/crm/customers/") || template.startsWith("/api/customers/")
                ? "customer"
                : template.startsWith("/api/tasks/")
                        ? "task"
                        : template.startsWith("/api/contracts/")
                                ? "contract"
                                : template.startsWith("/api/invoices/")
                                        ? "invoice"
                                        : template.startsWith("/api/users/") ? "user" : null;
        Matcher variables = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (variables.find()) {
            String name = variables.group(1);
            String value = name.equals("id") && resource != null
                    ? ids.get(resource)
                    : name.equals("phone")
                            ? "%2B972501234567"
                            : UUID.randomUUID().toString();
            variables.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        variables.appendTail(out);
        return out.toString();
    }

    private static Map<String, Long> withoutTables(Map<String, Long> counts, Set<String> tables) {
        counts.keySet().removeAll(tables);
        return counts;
    }

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
}
