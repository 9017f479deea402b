package dev.agentlocator.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One child JVM of the stack.
 *
 * @param name the Maven module's artifact id, which is also the jar's name, the log file's name
 *     and (upper-cased) the application's name in Eureka
 * @param tag the short console tag of its log lines
 * @param moduleDir the module's directory, relative to the repository root
 * @param port its HTTP port
 * @param database its own database, or {@code null}
 * @param role what it is in the stack
 * @param routeProbe a read-only API path the gateway routes to this service, which answers 200 to
 *     any signed-in owner (even of an empty tenant); {@code null} for Eureka and the gateway
 */
public record ServiceSpec(
        String name, String tag, String moduleDir, int port, String database, Role role, String routeProbe) {

    public enum Role {
        DISCOVERY,
        SERVICE,
        GATEWAY
    }

    public static final int DISCOVERY_PORT = 8761;
    public static final int GATEWAY_PORT = 8080;

    public static final ServiceSpec DISCOVERY = new ServiceSpec(
            "discovery-server", "eureka", "infra/discovery-server", DISCOVERY_PORT, null, Role.DISCOVERY, null);

    /** The six domain services and the gateway, started together once Eureka is up. */
    public static final List<ServiceSpec> APPLICATIONS = List.of(
            service("crm", 8081, "/api/crm/customers?limit=1"),
            service("telephony", 8082, "/api/calls?limit=1"),
            service("tasks", 8083, "/api/tasks?limit=1"),
            service("billing", 8084, "/api/invoices?limit=1"),
            service("timeline", 8085, "/api/stats/summary"),
            service("notification", 8086, "/api/notifications?limit=1"),
            new ServiceSpec("gateway", "gateway", "gateway", GATEWAY_PORT, null, Role.GATEWAY, null));

    private static ServiceSpec service(String domain, int port, String routeProbe) {
        return new ServiceSpec(
                domain + "-service", domain, domain + "-service", port, domain, Role.SERVICE, routeProbe);
    }

    /** The executable jar the module's build leaves behind. */
    public Path jar(Path repoRoot) {
        return repoRoot.resolve(moduleDir).resolve("target").resolve(name + ".jar");
    }

    /** The name it registers under in Eureka. */
    public String eurekaName() {
        return name.toUpperCase(Locale.ROOT);
    }

    /** The environment variable carrying its database's JDBC URL, e.g. {@code CRM_DATABASE_URL}. */
    public Optional<String> databaseUrlVariable() {
        return Optional.ofNullable(database).map(db -> db.toUpperCase(Locale.ROOT) + "_DATABASE_URL");
    }

    public String healthUrl() {
        return "http://127.0.0.1:" + port + "/actuator/health";
    }

    public static List<String> databases() {
        return APPLICATIONS.stream()
                .map(ServiceSpec::database)
                .filter(db -> db != null)
                .toList();
    }
}
