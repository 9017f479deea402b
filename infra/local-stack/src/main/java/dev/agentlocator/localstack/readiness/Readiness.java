package dev.agentlocator.localstack.readiness;

import dev.agentlocator.localstack.Console;
import dev.agentlocator.localstack.ServiceSpec;
import dev.agentlocator.localstack.Uptime;
import dev.agentlocator.localstack.process.RegistryCredentials;
import dev.agentlocator.localstack.process.ServiceProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits until children are ready: each one's {@code /actuator/health} says UP and, for the whole
 * stack, Eureka lists every application UP and the gateway routes to every service. Registration
 * alone is not enough: the gateway learns of an instance from its own copy of the registry, which
 * may be seconds older, and answers 503 for that service until then. Notices a child that dies on
 * the way.
 */
public final class Readiness {

    private static final String EUREKA_APPS = "http://127.0.0.1:" + ServiceSpec.DISCOVERY_PORT + "/eureka/apps";
    private static final String GATEWAY = "http://127.0.0.1:" + ServiceSpec.GATEWAY_PORT;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(20);

    /** How waiting ended. */
    public sealed interface Outcome permits Ready, Died, TimedOut, Stopped {}

    public record Ready() implements Outcome {}

    public record Died(ServiceProcess child) implements Outcome {}

    /** @param pending what each child still lacked, by child */
    public record TimedOut(Map<ServiceProcess, String> pending) implements Outcome {}

    /** The launcher is shutting down (Ctrl-C) while waiting. */
    public record Stopped() implements Outcome {}

    private final HttpProbe http;
    private final Duration pollInterval;
    private final RegistryCredentials registry;
    private final Supplier<String> accessToken;
    /** Children seen healthy once, across calls: reported once and not polled again. */
    private final Set<ServiceProcess> healthy = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Services the gateway was seen routing to once. */
    private final Set<ServiceProcess> routed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param registry the account Eureka's registry is queried with
     * @param accessToken a fresh token the gateway accepts (an owner of some tenant), for the
     *     requests that show each service is routed
     */
    public Readiness(
            HttpProbe http, Duration pollInterval, RegistryCredentials registry, Supplier<String> accessToken) {
        this.http = http;
        this.pollInterval = pollInterval;
        this.registry = registry;
        this.accessToken = accessToken;
    }

    /** The children that register in Eureka: all but Eureka itself. */
    private static List<ServiceProcess> registrants(List<ServiceProcess> children) {
        return children.stream()
                .filter(c -> c.spec().role() != ServiceSpec.Role.DISCOVERY)
                .toList();
    }

    /** The children the gateway routes API requests to. */
    private static List<ServiceProcess> routedServices(List<ServiceProcess> children) {
        return children.stream().filter(c -> c.spec().routeProbe() != null).toList();
    }

    /** Whether {@code spec}'s health endpoint answers 200 with status UP; otherwise why not. */
    public String healthProblem(ServiceSpec spec) {
        HttpProbe.Response response = http.get(spec.healthUrl(), "application/json");
        if (!response.answered()) {
            return "health: " + response.error();
        }
        String status = Json.field(response.body(), "status").orElse("?");
        if (response.status() == 200 && status.equals("UP")) {
            return null;
        }
        return "health: HTTP " + response.status() + ", status " + status;
    }

    /** Names of the applications Eureka lists with an instance UP (empty when it does not answer). */
    public Set<String> registeredApplications() {
        HttpProbe.Response response = http.get(EUREKA_APPS, "application/json", registry.authorization());
        return response.status() == 200 ? EurekaRegistry.upApplications(response.body()) : Set.of();
    }

    /**
     * Whether the gateway routes to {@code spec}: its probe request, sent through the gateway as a
     * signed-in user, is answered 200 by the service; otherwise what came back.
     */
    private String routeProblem(ServiceSpec spec) {
        HttpProbe.Response response = http.get(
                GATEWAY + spec.routeProbe(),
                "application/json",
                Map.of("Authorization", "Bearer " + accessToken.get()));
        return response.status() == 200
                ? null
                : "not routed by the gateway yet (GET " + spec.routeProbe() + " answered " + response.summary() + ")";
    }

    /**
     * Polls until every child is healthy (and, for the {@code wholeStack}, registered in Eureka and
     * answering through the gateway), one dies, {@code deadline} passes or {@code stopping} turns true.
     */
    public Outcome await(
            List<ServiceProcess> children, boolean wholeStack, Instant deadline, BooleanSupplier stopping) {
        Map<ServiceProcess, String> pending = new HashMap<>();
        boolean allRegisteredReported = false;
        boolean allRoutedReported = false;
        Instant nextProgress = Instant.now().plus(PROGRESS_EVERY);
        while (true) {
            if (stopping.getAsBoolean()) {
                return new Stopped();
            }
            pending.clear();
            for (ServiceProcess child : children) {
                if (!child.isAlive()) {
                    return stopping.getAsBoolean() ? new Stopped() : new Died(child);
                }
                if (healthy.contains(child)) {
                    continue;
                }
                String problem = healthProblem(child.spec());
                if (problem == null) {
                    healthy.add(child);
                    child.markReady();
                    Console.info(child.name() + " is UP on :" + child.spec().port() + " (" + Uptime.format() + ")");
                } else {
                    pending.put(child, problem);
                }
            }
            if (wholeStack) {
                Set<String> registered = registeredApplications();
                for (ServiceProcess child : registrants(children)) {
                    if (!registered.contains(child.spec().eurekaName())) {
                        pending.merge(child, "not registered in Eureka", (a, b) -> a + "; " + b);
                    }
                }
                List<ServiceProcess> registrants = registrants(children);
                if (!allRegisteredReported
                        && registrants.stream()
                                .allMatch(c -> registered.contains(c.spec().eurekaName()))) {
                    allRegisteredReported = true;
                    Console.info("all " + registrants.size() + " registered in Eureka (" + Uptime.format() + ")");
                }
                // Only once everything else is in place: until then the answer would be a 503 anyway.
                if (pending.isEmpty()) {
                    List<ServiceProcess> services = routedServices(children);
                    for (ServiceProcess service : services) {
                        if (routed.contains(service)) {
                            continue;
                        }
                        String problem = routeProblem(service.spec());
                        if (problem == null) {
                            routed.add(service);
                        } else {
                            pending.put(service, problem);
                        }
                    }
                    if (!allRoutedReported && routed.containsAll(services)) {
                        allRoutedReported = true;
                        Console.info(
                                "the gateway routes to all " + services.size() + " services (" + Uptime.format() + ")");
                    }
                }
            }
            if (pending.isEmpty()) {
                return new Ready();
            }
            Instant now = Instant.now();
            if (now.isAfter(deadline)) {
                return new TimedOut(Map.copyOf(pending));
            }
            if (now.isAfter(nextProgress)) {
                nextProgress = now.plus(PROGRESS_EVERY);
                List<String> waiting = new ArrayList<>();
                children.stream().filter(pending::containsKey).forEach(c -> waiting.add(c.name()));
                Console.info("waiting for " + String.join(", ", waiting) + " (" + Uptime.format() + ")");
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Stopped();
            }
        }
    }
}
