package dev.agentlocator.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.TestInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md, "Backup and restore": crm-service's database dumped with pg_dump, lost
 * (dropped and created empty), restored with pg_restore, and the suite reads the same again through
 * the gateway; the timeline, rebuilt through the gateway's operators' endpoint, shows the same
 * entries.
 */
class BackupRestoreIT {

    private static final Pattern DATABASE = Pattern.compile("jdbc:postgresql://[^/]+/([A-Za-z0-9_]+)");

    private static Suite suite;

    @BeforeAll
    static void suite() {
        suite = Suite.get();
    }

    @Test
    void crmRestoredFromADumpServesTheSameDataAndTheRebuiltTimelineMatches() throws Exception {
        String serverVersion = serverMajorVersion();
        Optional<Path> pgDump = tool("pg_dump", serverVersion);
        Optional<Path> pgRestore = tool("pg_restore", serverVersion);
        assumeTrue(
                pgDump.isPresent() && pgRestore.isPresent(),
                "no pg_dump / pg_restore of PostgreSQL " + serverVersion + " or later on this machine ("
                        + TestInfrastructure.postgres().description() + "): install the PostgreSQL client");

        var owner = suite.signUp("backup");
        var api = owner.api(suite);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var created = api.post("/api/crm/customers", """
                    {"name":"לקוח גיבוי %d","phone":"%s","notes":"לפני הגיבוי"}""".formatted(i, Business.randomMobile()));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            customers.add(created.json("$.id"));
        }
        var updated = api.patch("/api/crm/customers/" + customers.get(0), "{\"status\":\"contacted\"}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        Suite.await(
                "crm's outbox to be sent",
                Duration.ofSeconds(60),
                () -> suite.count("crm-service", "select count(*) from outbox_event where published_at is null") == 0);
        Suite.await(
                "every customer on the timeline",
                Duration.ofSeconds(60),
                () -> customers.stream().allMatch(id -> !timeline(api, id).isEmpty()));

        String listBefore = api.get("/api/crm/customers").body();
        Map<String, String> customersBefore = new LinkedHashMap<>();
        Map<String, List<Map<String, Object>>> timelinesBefore = new LinkedHashMap<>();
        for (String id : customers) {
            customersBefore.put(id, api.get("/api/crm/customers/" + id).body());
            timelinesBefore.put(id, timeline(api, id));
        }

        var crm = suite.service("crm-service");
        String database = databaseOf(crm.databaseUrl());
        Path dump = Files.createTempFile("crm-", ".dump");
        try {
            run(pgDump.get(), "--format=custom", "--file=" + dump, database);
            assertThat(Files.size(dump)).isGreaterThan(0);

            // the disaster: the service stops, its database is lost and created again empty
            crm.close();
            TestInfrastructure.postgres().dropDatabase(database);
            TestInfrastructure.postgres().ensureDatabase(database);
            run(pgRestore.get(), "--no-owner", "--exit-on-error", "--dbname=" + database, dump.toString());
            crm.restart();
        } finally {
            Files.deleteIfExists(dump);
        }

        // the same answers through the gateway, with the same tokens (the keys are not in the database)
        assertThat(api.get("/api/crm/customers").body()).isEqualTo(listBefore);
        for (String id : customers) {
            assertThat(api.get("/api/crm/customers/" + id).body()).isEqualTo(customersBefore.get(id));
        }
        var again = api.patch("/api/crm/customers/" + customers.get(1), "{\"status\":\"qualified\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);

        // the timeline is rebuilt, not restored: through the gateway, watched from any instance
        var admin = suite.viaGateway().withToken(suite.adminToken());
        var started = admin.post("/api/admin/timeline/rebuild", "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        var second = admin.post("/api/admin/timeline/rebuild", "{}");
        if (second.status() != 202) {
            assertThat(second.status()).as(second.body()).isEqualTo(409);
            assertThat(second.<String>json("$.error")).isEqualTo("rebuild_running");
        }
        OperatorAccessIT.awaitRebuildFinished(admin);
        assertThat(timeline(api, customers.get(0))).isEqualTo(timelinesBefore.get(customers.get(0)));
        assertThat(timeline(api, customers.get(2))).isEqualTo(timelinesBefore.get(customers.get(2)));
        assertThat(timeline(api, customers.get(1))).containsAll(timelinesBefore.get(customers.get(1)));
    }

    private static List<Map<String, Object>> timeline(Api api, String customer) {
        var page = api.get("/api/customers/" + customer + "/timeline");
        return page.status() == 200 ? page.json("$.items") : List.of();
    }

    private static String databaseOf(String jdbcUrl) {
        var matcher = DATABASE.matcher(jdbcUrl);
        assertThat(matcher.find()).as(jdbcUrl).isTrue();
        return matcher.group(1);
    }

    private static String serverMajorVersion() throws Exception {
        try (var c = suite.database("crm-service");
                var rs = c.createStatement().executeQuery("show server_version_num")) {
            rs.next();
            return String.valueOf(Integer.parseInt(rs.getString(1)) / 10000);
        }
    }

    /**
     * The tool of the server's major version (Debian keeps each under /usr/lib/postgresql/<major>),
     * else the one on the PATH when it is at least that version: pg_dump refuses newer servers.
     */
    private static Optional<Path> tool(String name, String major) throws Exception {
        Path versioned = Path.of("/usr/lib/postgresql", major, "bin", name);
        if (Files.isExecutable(versioned)) {
            return Optional.of(versioned);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                String version = new String(new ProcessBuilder(candidate.toString(), "--version")
                        .start()
                        .getInputStream()
                        .readAllBytes());
                var found = Pattern.compile("(\\d+)\\.").matcher(version);
                if (found.find() && Integer.parseInt(found.group(1)) >= Integer.parseInt(major)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static void run(Path tool, String... args) throws IOException, InterruptedException {
        var postgres = TestInfrastructure.postgres();
        var address = postgres.address();
        List<String> command = new ArrayList<>(List.of(
                tool.toString(),
                "--host=" + address.getHostString(),
                "--port=" + address.getPort(),
                "--username=" + postgres.username(),
                "--no-password"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", postgres.password() == null ? "" : postgres.password());
        var process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + ": " + output)
                .isZero();
    }
}
