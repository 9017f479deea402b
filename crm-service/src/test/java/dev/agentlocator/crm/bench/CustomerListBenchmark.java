package dev.agentlocator.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.crm.Accounts;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import dev.agentlocator.testkit.ServiceJar;
import dev.agentlocator.testkit.bench.Samples;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 3's benchmark (run by {@code bench/crm/run.sh}, never by {@code verify}: the name matches
 * neither *IT nor *Test). 100,000 customers of one tenant; a page of 25, sorted, with and without
 * {@code q}, asked of crm-service directly and through the real gateway jar (its own JVM, routing
 * to this one). Requests alternate between the two paths so that the machine's noise falls on both
 * alike; the ratio of their medians is the gateway's cost.
 */
@ServiceIntegrationTest
class CustomerListBenchmark {

    static final int CUSTOMERS = Integer.getInteger("bench.customers", 100_000);
    static final int WARM_UP = Integer.getInteger("bench.warmUp", 300);
    static final int REQUESTS = Integer.getInteger("bench.requests", 1_000);

    private static final String FIRST_NAMES =
            "'דנה','יוסי','מיכל','אבי','רונית','משה','נועה','איתי','שירה','עומר','תמר','אלון','הילה','גיל','ליאור',"
                    + "'יעל','רועי','מאיה','עידו','אורית'";
    private static final String LAST_NAMES =
            "'כהן','לוי','מזרחי','פרץ','ביטון','דהן','אברהם','פרידמן','אזולאי','כץ','יוסף','דוד','עמר','אוחיון',"
                    + "'חדד','גבאי','בן דוד','שפירא','מלכה','רוזן','אשכנזי','קליין','וקנין','סויסה','טל'";

    record Scenario(String name, String query) {}

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("Page 1 of 25, sorted by name", "page=1&limit=25&sort=name"),
            new Scenario("Page 1 of 25, newest first", "page=1&limit=25&sort=-createdAt"),
            new Scenario(
                    "Page 1 of 25, sorted by name, q = Hebrew surname",
                    "page=1&limit=25&sort=name&q=" + encode("מזרחי")),
            new Scenario("Page 1 of 25, sorted by name, q = partial phone", "page=1&limit=25&sort=name&q=0500012"),
            new Scenario("Page 200 of 25, sorted by name", "page=200&limit=25&sort=name"));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void listCustomersOverAHundredThousandDirectAndThroughTheGateway() throws Exception {
        var owner = Accounts.signUp(port, "משרד מדידות");
        seed(UUID.fromString(owner.tenantId()));

        try (var gateway =
                ServiceJar.of("gateway").route("crm-service", port).optimised().start()) {
            String direct = "http://127.0.0.1:" + port + "/api/crm/customers?";
            String viaGateway = "http://127.0.0.1:" + gateway.port() + "/api/crm/customers?";
            var rows = new StringBuilder();
            rows.append("| Request | Rows matching | Direct p50 | Direct p99 | Gateway p50 | Gateway p99 |"
                    + " Gateway / direct (p50) | Target |\n|---|---|---|---|---|---|---|---|\n");
            for (Scenario scenario : SCENARIOS) {
                long total = expectPage(direct + scenario.query(), owner.accessToken());
                expectPage(viaGateway + scenario.query(), owner.accessToken());
                for (int i = 0; i < WARM_UP; i++) {
                    time(direct + scenario.query(), owner.accessToken());
                    time(viaGateway + scenario.query(), owner.accessToken());
                }
                long[] directNanos = new long[REQUESTS];
                long[] gatewayNanos = new long[REQUESTS];
                for (int i = 0; i < REQUESTS; i++) {
                    directNanos[i] = time(direct + scenario.query(), owner.accessToken());
                    gatewayNanos[i] = time(viaGateway + scenario.query(), owner.accessToken());
                }
                var directSamples = Samples.of(directNanos);
                var gatewaySamples = Samples.of(gatewayNanos);
                rows.append("| %s | %,d | %s | %s | %s | %s | %.2f | p99 < 50 ms |\n"
                        .formatted(
                                scenario.name(),
                                total,
                                Samples.millis(directSamples.median()),
                                Samples.millis(directSamples.percentile(0.99)),
                                Samples.millis(gatewaySamples.median()),
                                Samples.millis(gatewaySamples.percentile(0.99)),
                                (double) gatewaySamples.median() / directSamples.median()));
            }
            rows.append("\n").append(throughput(direct, viaGateway, owner.accessToken()));
            Files.writeString(Path.of("target", "crm-bench.md"), rows.toString());
        }
    }

    /** Customers inserted by SQL in one statement: the API's per-row events are not what is measured. */
    private void seed(UUID tenant) {
        jdbc.sql("""
                        insert into customer (id, tenant_id, name, phone, email, status, source, tags, created_at)
                        select gen_random_uuid(), :tenant,
                               (array[%s])[1 + i %% 20] || ' ' || (array[%s])[1 + (i / 20) %% 25] || ' ' || i,
                               '+97250' || lpad(i::text, 7, '0'),
                               'customer' || i || '@example.test',
                               (array['lead','active','inactive'])[1 + i %% 3],
                               (array['call','whatsapp','import','manual'])[1 + i %% 4],
                               case when i %% 10 = 0 then array['vip'] else '{}'::text[] end,
                               now() - make_interval(secs => i)
                        from generate_series(1, :count) as i
                        """.formatted(FIRST_NAMES, LAST_NAMES))
                .param("tenant", tenant)
                .param("count", CUSTOMERS)
                .update();
        // What autovacuum would have done on a live database; a fresh bulk load has no statistics.
        jdbc.sql("vacuum analyze customer").update();
    }

    private long expectPage(String url, String token) throws Exception {
        var response = send(url, token);
        assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
        var total = Pattern.compile("\"total\":(\\d+)").matcher(response.body());
        assertThat(total.find()).as(response.body()).isTrue();
        assertThat(response.body()).contains("\"limit\":25");
        return Long.parseLong(total.group(1));
    }

    private long time(String url, String token) throws Exception {
        long start = System.nanoTime();
        var response = send(url, token);
        long elapsed = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new AssertionError(url + " → " + response.statusCode() + " " + response.body());
        }
        return elapsed;
    }

    private HttpResponse<String> send(String url, String token) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Throughput with 8 concurrent connections for 15 s per path, measured by wrk when it is
     * installed (bench/crm/run.sh installs it where it can); otherwise says so.
     */
    private String throughput(String direct, String viaGateway, String token) throws Exception {
        String query = SCENARIOS.get(0).query();
        List<String> lines = new ArrayList<>();
        lines.add("Throughput, 8 connections for 15 s each (wrk, `%s`):".formatted(query));
        lines.add("");
        for (var target : List.of(List.of("Direct", direct + query), List.of("Gateway", viaGateway + query))) {
            String output;
            try {
                var process = new ProcessBuilder(
                                "wrk",
                                "-t2",
                                "-c8",
                                "-d15s",
                                "--latency",
                                "-H",
                                "Authorization: Bearer " + token,
                                target.get(1))
                        .redirectErrorStream(true)
                        .start();
                output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new AssertionError("wrk failed: " + output);
                }
            } catch (IOException notInstalled) {
                return "Throughput: not measured (wrk is not installed).\n";
            }
            assertThat(output).as("wrk saw only 2xx answers").doesNotContain("Non-2xx");
            lines.add("- %s: %s requests/s, p50 %s, p99 %s"
                    .formatted(
                            target.get(0),
                            field(output, "Requests/sec:\\s+([\\d.]+)"),
                            field(output, "\\s50%\\s+([\\d.]+\\w+)"),
                            field(output, "\\s99%\\s+([\\d.]+\\w+)")));
        }
        return String.join("\n", lines) + "\n";
    }

    private static String field(String text, String regex) {
        var matcher = Pattern.compile(regex).matcher(text);
        return matcher.find() ? matcher.group(1) : "?";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
