package dev.agentlocator.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.systemtests.Suite.Tenant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Sustained load (issue 11): wrk with {@code bench/load/mix.lua}, 200 connections mixing reads and
 * writes of one tenant through the real gateway to the real service jars for five minutes. Run by
 * {@code bench/load/run.sh}, never by {@code verify} (the name matches neither *IT nor *Test).
 * Knobs: {@code -Dbench.connections=200 -Dbench.seconds=300 -Dbench.customers=2000}.
 */
class LoadBenchmark {

    @Test
    void twoHundredUsersForFiveMinutesWithoutAnError() throws Exception {
        int connections = Integer.getInteger("bench.connections", 200);
        int seconds = Integer.getInteger("bench.seconds", 300);
        int customers = Integer.getInteger("bench.customers", 2000);
        Suite suite = Suite.get();
        Tenant tenant = suite.signUp("load");
        var api = tenant.api(suite);

        StringBuilder csv = new StringBuilder("name,phone\n");
        String[] surnames = {"כהן", "לוי", "מזרחי", "פרץ", "ביטון", "אברהם", "פרידמן", "שפירא"};
        for (int i = 0; i < customers; i++) {
            csv.append("לקוח ")
                    .append(surnames[i % surnames.length])
                    .append(' ')
                    .append(i)
                    .append(",052%07d\n".formatted(i));
        }
        var imported = api.send("POST", "/api/crm/customers/import", csv.toString(), "text/csv");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        String customer = api.get("/api/crm/customers?limit=1").json("$.items[0].id");
        Suite.await(
                "the customer on the timeline",
                java.time.Duration.ofSeconds(60),
                () -> api.get("/api/customers/" + customer + "/timeline").status() == 200);
        int before = api.get("/api/crm/customers?limit=1").json("$.total");

        Path script = Path.of("../../bench/load/mix.lua").toAbsolutePath().normalize();
        var wrk = new ProcessBuilder(
                        "wrk",
                        "-t2",
                        "-c" + connections,
                        "-d" + seconds + "s",
                        "--timeout",
                        "10s",
                        "-s",
                        script.toString(),
                        "http://127.0.0.1:" + suite.gateway().port())
                .redirectErrorStream(true);
        wrk.environment().put("LOAD_TOKEN", tenant.token());
        wrk.environment().put("LOAD_CUSTOMER", customer);
        Process process = wrk.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(seconds + 60L, TimeUnit.SECONDS)).isTrue();
        System.out.println(output);

        Map<String, Double> figures = new LinkedHashMap<>();
        output.lines()
                .filter(line -> line.startsWith("figure "))
                .map(line -> line.split(" "))
                .forEach(parts -> figures.put(parts[1], Double.parseDouble(parts[2])));
        assertThat(figures).as(output).containsKeys("requests", "p99_us", "http_errors", "socket_errors");
        double duration = figures.get("duration_us") / 1e6;
        int after = api.get("/api/crm/customers?limit=1").json("$.total");

        String table = """
                | Figure | Result | Target |
                |---|---|---|
                | Requests in %d s (%d connections, 2 wrk threads) | %,.0f (%,.0f reads, %,.0f writes) | |
                | Throughput | %.1f requests/s | |
                | Latency p50 / p90 | %.1f / %.1f ms | |
                | Latency p99 | %.1f ms | |
                | Latency max | %.1f ms | |
                | HTTP errors (4xx/5xx) | %.0f | 0 |
                | Socket errors and timeouts (10 s) | %.0f | 0 |
                | Customers created and listed afterwards | %d | |
                | Zero errors | %s | yes |
                """.formatted(
                        seconds,
                        connections,
                        figures.get("requests"),
                        figures.get("reads"),
                        figures.get("writes"),
                        figures.get("requests") / duration,
                        figures.get("p50_us") / 1000,
                        figures.get("p90_us") / 1000,
                        figures.get("p99_us") / 1000,
                        figures.get("max_us") / 1000,
                        figures.get("http_errors"),
                        figures.get("socket_errors"),
                        after - before,
                        verdict(figures));
        Files.writeString(Path.of("target", "load-bench.md"), table);
        System.out.println(table);
        assertThat(figures.get("http_errors")).as("HTTP errors").isZero();
        assertThat(figures.get("socket_errors")).as("socket errors").isZero();
    }

    private static String verdict(Map<String, Double> figures) {
        double failed = figures.get("http_errors") + figures.get("socket_errors");
        if (failed == 0) {
            return "yes";
        }
        double sent = figures.get("requests") + figures.get("socket_errors");
        return "**no**: %,.0f of %,.0f requests (%.2f %%) failed".formatted(failed, sent, 100 * failed / sent);
    }
}
