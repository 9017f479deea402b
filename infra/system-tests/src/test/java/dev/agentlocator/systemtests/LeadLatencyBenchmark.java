package dev.agentlocator.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.testkit.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's figure, over 200 calls placed one after another through the real gateway to the real
 * jars: from the webhook of the turn in which the caller gave their details to crm's customer carrying
 * them (the receptionist sends what it learned after each turn, not only at the end), and from the
 * call's last webhook (Twilio's {@code completed} status) to the on-duty agent's notification of the
 * call-back task being stored (the moment it is pushed to the agent's socket). Run by {@code bench/leads/run.sh}, never by
 * {@code verify} (the name matches neither *IT nor *Test). Knobs: {@code -Dbench.calls=200
 * -Dbench.warmup=10}.
 */
class LeadLatencyBenchmark {

    private static final long POLL_NANOS = 2_000_000;
    private static final long GIVE_UP_NANOS = 15_000_000_000L;

    @Test
    void fromTheLastWebhookToTheCustomerAndTheAgentsNotification() throws Exception {
        int calls = Integer.getInteger("bench.calls", 200);
        int warmup = Integer.getInteger("bench.warmup", 10);
        Suite suite = Suite.get();
        try (var line = new ReceptionistLine(suite);
                Connection crm = suite.database("crm-service");
                Connection notification = suite.database("notification-service")) {
            var tenant = suite.signUp("bench-leads");
            Api api = line.api().withToken(tenant.token());
            String agent = line.agentOf(tenant, api);
            var settings = api.put("/api/tasks/settings", """
                    {"responseMinutes":15,"onDutyUserId":"%s","businessHours":%s}""".formatted(agent, ReceptionistLine.alwaysOpen()));
            assertThat(settings.status()).as(settings.body()).isEqualTo(200);
            String number = line.numberOf(tenant);
            PreparedStatement customerFilled = crm.prepareStatement(
                    "select count(*) from customer where tenant_id = ? and phone = ? and name = ? and budget_agorot = ?");
            PreparedStatement agentNotified = notification.prepareStatement(
                    "select count(*) from notification where tenant_id = ? and user_id = ? and type = 'task:assigned'"
                            + " and body like ?");

            long[] customerMillis = new long[calls];
            long[] notifiedMillis = new long[calls];
            long[] statusAfterTurn = new long[calls];
            int missing = 0;
            for (int i = -warmup; i < calls; i++) {
                String caller = "+97254%07d".formatted(1_000_000 + warmup + i);
                String name = "מתקשר " + (i + warmup) + " "
                        + UUID.randomUUID().toString().substring(0, 6);
                long budget = 1_000_000L + i + warmup;
                var placed = line.place(
                        caller,
                        number,
                        new ReceptionistLine.Said(
                                "שלום, קוראים לי " + name + " ואני מחפש דירה",
                                "נעים מאוד, נציג יחזור אליך בהקדם.",
                                Map.of(
                                        "name",
                                        name,
                                        "intent",
                                        "buy",
                                        "budget",
                                        budget,
                                        "summary",
                                        name + " מחפש דירה לקנייה.",
                                        "callbackPromised",
                                        true)));
                long customerAt = -1;
                long notifiedAt = -1;
                while ((customerAt < 0 || notifiedAt < 0)
                        && System.nanoTime() - placed.completedAnswered() < GIVE_UP_NANOS) {
                    if (customerAt < 0 && count(customerFilled, tenant.id(), caller, name, budget * 100) == 1) {
                        customerAt = System.nanoTime();
                    }
                    if (notifiedAt < 0
                            && count(agentNotified, tenant.id(), UUID.fromString(agent), "%" + name + "%") == 1) {
                        notifiedAt = System.nanoTime();
                    }
                    Thread.sleep(POLL_NANOS / 1_000_000);
                }
                if (i < 0) {
                    continue;
                }
                if (customerAt < 0 || notifiedAt < 0) {
                    missing++;
                }
                customerMillis[i] =
                        customerAt < 0 ? Long.MAX_VALUE : (customerAt - placed.lastTurnAnswered()) / 1_000_000;
                notifiedMillis[i] =
                        notifiedAt < 0 ? Long.MAX_VALUE : (notifiedAt - placed.completedAnswered()) / 1_000_000;
                statusAfterTurn[i] = (placed.completedAnswered() - placed.lastTurnAnswered()) / 1_000_000;
            }

            String table = String.join(
                    "\n",
                    "| " + calls + " calls, one at a time | p50 | p90 | p99 | max |",
                    "|---|---:|---:|---:|---:|",
                    row(
                            "turn's webhook answered → crm's customer carries the caller's name and budget",
                            customerMillis),
                    row(
                            "`completed` webhook answered → the on-duty agent's call-back notification stored and pushed",
                            notifiedMillis),
                    row(
                            "(turn's webhook answered → `completed` webhook answered, the client's own pace)",
                            statusAfterTurn),
                    "",
                    "Calls whose customer or notification did not arrive within 15 s: " + missing + ".",
                    "");
            Files.writeString(Path.of("target", "lead-bench.md"), table);
            System.out.println(table);
            assertThat(missing)
                    .as("calls that never reached the customer or the agent")
                    .isZero();
        }
    }

    private static long count(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        try (var rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String row(String what, long[] millis) {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        List<String> cells = new ArrayList<>();
        for (double q : new double[] {0.50, 0.90, 0.99}) {
            cells.add(ms(sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)]));
        }
        cells.add(ms(sorted[sorted.length - 1]));
        return "| " + what + " | " + String.join(" | ", cells) + " |";
    }

    private static String ms(long millis) {
        return millis == Long.MAX_VALUE ? "—" : millis + " ms";
    }
}
