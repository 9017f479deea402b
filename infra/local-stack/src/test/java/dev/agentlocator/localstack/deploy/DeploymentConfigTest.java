package dev.agentlocator.localstack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployment files hold together, checked structurally (there is no Docker engine or cluster
 * here): every deployable has an image, a compose service, Kubernetes objects and a dashboard;
 * ports, probes and variables agree with what the services read and expose; no secret is committed.
 */
class DeploymentConfigTest {

    /** A Spring Boot application that ships as an image. */
    record Deployable(String module, String name, int port, boolean usesServiceKit) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Deployable> DEPLOYABLES = List.of(
            new Deployable("gateway", "gateway", 8080, false),
            new Deployable("infra/discovery-server", "discovery-server", 8761, false),
            new Deployable("crm-service", "crm-service", 8081, true),
            new Deployable("telephony-service", "telephony-service", 8082, true),
            new Deployable("tasks-service", "tasks-service", 8083, true),
            new Deployable("billing-service", "billing-service", 8084, true),
            new Deployable("timeline-service", "timeline-service", 8085, true),
            new Deployable("notification-service", "notification-service", 8086, true));

    /** Eureka: a StatefulSet of peers with stable names, a fixed count (ADR 0013). */
    static final Set<String> NOT_AUTOSCALED = Set.of("discovery-server");

    /** The Kustomize base the overlays (infra/k8s/overlays) deploy. */
    static final String K8S_BASE = "infra/k8s/base/";

    /**
     * Secrets the code requires in production that are not (yet) declared under
     * agentlocator.production.required-secrets: the discovery server has no service kit, and
     * telephony-service checks its providers itself (common.Sandbox). The gateway holds no secret:
     * it verifies tokens with crm-service's published keys (ADR 0021).
     */
    static final Map<String, List<String>> REQUIRED_OUTSIDE_THE_KIT = Map.of(
            "discovery-server", List.of("EUREKA_PASSWORD"),
            "telephony-service", List.of("TWILIO_SID", "TWILIO_TOKEN", "WHATSAPP_DEVICE", "OPENAI_API_KEY"));

    /**
     * Required in production through agentlocator.production.required-secrets, yet configuration, not
     * secrets: they come from the ConfigMap.
     */
    static final Set<String> REQUIRED_SETTINGS =
            Set.of("TELEPHONY_PUBLIC_URL", "SMTP_HOST", "SMTP_PORT", "SMTP_FROM", "APP_PUBLIC_URL");

    /** Secrets that are paths of a key file: the file comes from a Secret mounted as a volume. */
    static final Set<String> FILE_SECRETS = Set.of("GOOGLE_APPLICATION_CREDENTIALS");

    /** Variables of docker compose itself, read by no service. */
    static final Set<String> COMPOSE_ONLY = Set.of("IMAGE_TAG", "GATEWAY_PORT", "GRAFANA_ADMIN_PASSWORD");

    static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|PASSWORD|TOKEN|PRIVATE_KEY|API_KEY).*");
    static final Pattern PLACEHOLDER = Pattern.compile("<[^<>]+>");
    static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";
    static final String METRICS = "/actuator/prometheus";

    /** How a registry client reaches Eureka in compose: the registry's account in the URL's user part. */
    static final String COMPOSE_EUREKA_URL =
            "http://${EUREKA_USERNAME:-eureka}:${EUREKA_PASSWORD:?set EUREKA_PASSWORD in .env}@discovery-server:8761/eureka";
    /** The same in Kubernetes, expanded from the ConfigMap's user and the Secret's password. */
    /** Both registry peers (the StatefulSet's stable names), each with the registry's account. */
    static final String K8S_EUREKA_URL = "http://$(EUREKA_USERNAME):$(EUREKA_PASSWORD)@"
            + "discovery-server-0.discovery-server-peers:8761/eureka/,"
            + "http://$(EUREKA_USERNAME):$(EUREKA_PASSWORD)@"
            + "discovery-server-1.discovery-server-peers:8761/eureka/";

    static Path root;
    static Map<String, Object> compose;
    static Map<String, String> envExample;
    static List<Map<String, Object>> k8s;
    static Map<String, Object> kustomization;
    static List<String> kustomizeResources;

    @BeforeAll
    static void readTheDeploymentFiles() {
        root = repositoryRoot();
        compose = map(new Yaml().load(read("docker-compose.yml")));
        envExample = envFile(read(".env.example"));
        kustomization = map(new Yaml().load(read(K8S_BASE + "kustomization.yaml")));
        kustomizeResources = strings(kustomization.get("resources"));
        k8s = new ArrayList<>();
        for (String resource : kustomizeResources) {
            for (Object document : new Yaml().loadAll(read(K8S_BASE + resource))) {
                if (document != null) {
                    k8s.add(map(document));
                }
            }
        }
    }

    static Stream<Deployable> deployables() {
        return DEPLOYABLES.stream();
    }

    // --- images ------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("deployables")
    void everyDeployableHasAComposeServiceBuiltFromItsDockerfile(Deployable app) {
        Map<String, Object> service = composeService(app.name());
        assertThat(service.get("image")).isEqualTo("agentlocator/" + app.name() + ":${IMAGE_TAG:-latest}");
        Map<String, Object> build = map(service.get("build"));
        assertThat(build.get("context")).isEqualTo(".");
        Path dockerfile = root.resolve((String) build.get("dockerfile"));
        assertThat(dockerfile).isRegularFile();
        assertThat(root.resolve(app.module()).resolve("pom.xml")).isRegularFile();
        String text = read(root.relativize(dockerfile).toString());
        if (text.contains("ARG MODULE")) {
            // The shared Dockerfile: the build args must name this module, its jar and its port.
            Map<String, Object> args = map(build.get("args"));
            assertThat(args)
                    .containsEntry("MODULE", app.module())
                    .containsEntry("APP", app.name())
                    .containsEntry("PORT", String.valueOf(app.port()));
        } else {
            assertThat(text)
                    .contains("COPY " + app.module() + "/target/" + app.name() + ".jar ")
                    .contains("SERVER_PORT=" + app.port())
                    .contains("EXPOSE " + app.port());
        }
    }

    @ParameterizedTest
    @MethodSource("dockerfiles")
    void imagesAreSmallLayeredNonRootAndHealthChecked(Path dockerfile) {
        String text = read(root.relativize(dockerfile).toString());
        String runtime = text.substring(text.lastIndexOf("\nFROM "));
        assertThat(runtime)
                .as("runtime stage of %s", dockerfile)
                .startsWith("\nFROM eclipse-temurin:${JAVA_VERSION}-jre");
        assertThat(text).contains("ARG JAVA_VERSION=17");
        assertThat(text).contains("java -Djarmode=tools -jar app.jar extract --layers --launcher");
        for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
            assertThat(runtime).contains("COPY --from=build /build/extracted/" + layer + "/ ./");
        }
        Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(runtime);
        assertThat(user.find()).as("USER in the runtime stage").isTrue();
        assertThat(user.group(1))
                .doesNotStartWith("root")
                .doesNotStartWith("0:")
                .isNotEqualTo("0");
        assertThat(runtime).containsPattern("(?s)HEALTHCHECK .*CMD .*\"HealthCheck\", \"" + LIVENESS + "\"");
        assertThat(runtime).contains("org.springframework.boot.loader.launch.JarLauncher");
        assertThat(root.resolve("infra/docker/HealthCheck.java")).isRegularFile();
    }

    static Stream<Path> dockerfiles() throws IOException {
        try (Stream<Path> files = Files.list(repositoryRoot().resolve("infra/docker"))) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith("Dockerfile"))
                    .sorted()
                    .toList();
            assertThat(found).isNotEmpty();
            return found.stream();
        }
    }

    @Test
    void theDockerBuildContextLetsInTheJarsAndTheClientButNotTheirLeftovers() {
        List<String> ignore = read(".dockerignore").lines().map(String::strip).toList();
        assertThat(ignore)
                .contains(
                        "*",
                        "!infra/docker/HealthCheck.java",
                        "!*/target/*.jar",
                        "!infra/discovery-server/target/*.jar")
                .contains("!client", "client/node_modules", "client/dist");
    }

    // --- docker compose ------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("deployables")
    void composeUsesEachServicesOwnPortAndDatabase(Deployable app) {
        Map<String, Object> service = composeService(app.name());
        List<String> ports = new ArrayList<>(strings(service.getOrDefault("expose", List.of())));
        strings(service.getOrDefault("ports", List.of())).forEach(p -> ports.add(p.substring(p.lastIndexOf(':') + 1)));
        assertThat(ports).as("ports of %s", app).contains(String.valueOf(app.port()));
        if (app.usesServiceKit()) {
            Map<String, Object> env = composeEnvironment(app.name());
            String database = app.name().replace("-service", "");
            assertThat(env)
                    .containsEntry(
                            database.toUpperCase() + "_DATABASE_URL", "jdbc:postgresql://postgres:5432/" + database)
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                    .containsEntry("EUREKA_URL", COMPOSE_EUREKA_URL);
            assertThat(read("infra/postgres/init-databases.sql")).contains("CREATE DATABASE " + database + ";");
            assertThat(dependsOn(service)).contains("postgres", "kafka", "discovery-server");
        }
    }

    @Test
    void composeRunsKafkaInKraftModePostgresPrometheusAndGrafana() {
        Map<String, Object> kafka = composeService("kafka");
        assertThat((String) kafka.get("image")).startsWith("apache/kafka:");
        Map<String, Object> kafkaEnv = map(kafka.get("environment"));
        assertThat(kafkaEnv).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        assertThat(kafkaEnv).doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
        assertThat(String.valueOf(kafkaEnv.get("KAFKA_LOG_RETENTION_MS")))
                .as("the timeline rebuild replays every event (ADR 0005)")
                .isEqualTo("-1");
        assertThat((String) composeService("postgres").get("image")).startsWith("postgres:");
        assertThat(strings(composeService("postgres").get("volumes")))
                .anyMatch(v -> v.startsWith("./infra/postgres/init-databases.sql:/docker-entrypoint-initdb.d/"));
        assertThat(strings(composeService("prometheus").get("volumes")))
                .anyMatch(v -> v.startsWith("./infra/observability/prometheus/prometheus.yml:"));
        assertThat(strings(composeService("grafana").get("volumes")))
                .anyMatch(v -> v.startsWith("./infra/observability/grafana/provisioning:"))
                .anyMatch(v -> v.startsWith("./infra/observability/grafana/dashboards:"));
        for (String volume : strings(composeService("grafana").get("volumes"))) {
            if (volume.startsWith("./")) {
                assertThat(root.resolve(volume.substring(2, volume.indexOf(':'))))
                        .exists();
            }
        }
    }

    @Test
    void composePublishesOnlyTheGatewayAndMonitoringAndEurekaNeedsItsAccount() {
        Set<String> published = map(compose.get("services")).keySet().stream()
                .filter(name -> composeService(name).containsKey("ports"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(published)
                .as("anyone who reaches Eureka could register as a service and receive its traffic")
                .containsExactly("gateway", "grafana", "prometheus");

        Map<String, Object> eureka = composeEnvironment("discovery-server");
        assertThat(eureka)
                .containsEntry("EUREKA_USERNAME", "${EUREKA_USERNAME:-eureka}")
                .containsEntry("EUREKA_PASSWORD", "${EUREKA_PASSWORD:?set EUREKA_PASSWORD in .env}");
        for (Deployable app : DEPLOYABLES) {
            if (!app.name().equals("discovery-server")) {
                assertThat(composeEnvironment(app.name()))
                        .as("%s registers and looks up with the registry's account", app)
                        .containsEntry("EUREKA_URL", COMPOSE_EUREKA_URL);
            }
        }
    }

    @Test
    void everyVariableComposeReadsIsInEnvExample() {
        Set<String> referenced = references(read("docker-compose.yml"));
        assertThat(referenced).contains("TOKEN_SIGNING_KEYS", "TELEPHONY_CLIENT_SECRET", "DATABASE_PASSWORD");
        assertThat(envExample.keySet()).containsAll(referenced);
        for (Deployable app : DEPLOYABLES) {
            assertThat(envExample.keySet())
                    .as("variables compose sets for %s", app)
                    .containsAll(composeEnvironment(app.name()).keySet());
        }
    }

    @Test
    void envExampleListsEveryVariableTheSuiteReadsAndNothingElse() {
        Set<String> read = new TreeSet<>(Set.of("APP_ENV"));
        for (Deployable app : DEPLOYABLES) {
            read.addAll(references(read(app.module() + "/src/main/resources/application.yml")));
        }
        read.addAll(references(read("platform/service-kit/src/main/resources/agentlocator-kit-defaults.properties")));
        assertThat(envExample.keySet()).containsAll(read);
        Set<String> extra = new TreeSet<>(envExample.keySet());
        extra.removeAll(read);
        extra.removeAll(COMPOSE_ONLY);
        assertThat(extra).as("variables in .env.example that nothing reads").isEmpty();
    }

    @Test
    void secretsAreInterpolatedNeverWrittenIntoTheComposeFileOrTheExample() {
        for (String name : new ArrayList<>(map(compose.get("services")).keySet())) {
            Object environment = composeService(name).get("environment");
            if (environment == null) {
                continue;
            }
            map(environment).forEach((key, value) -> {
                if (SECRET_NAME.matcher(key).matches()) {
                    assertThat(String.valueOf(value))
                            .as("%s of %s: from .env, never written here", key, name)
                            .matches("\\$\\{[A-Z][A-Z0-9_]*(:[?-][^}]*)?}");
                }
            });
        }
        envExample.forEach((key, value) -> {
            if (SECRET_NAME.matcher(key).matches()) {
                assertThat(value).as("%s in .env.example", key).isEmpty();
            }
        });
    }

    // --- Kubernetes ----------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("deployables")
    void everyDeployableHasAWorkloadServiceAndAutoscaler(Deployable app) {
        Map<String, Object> deployment = workload(app.name());
        Map<String, Object> pod = map(at(deployment, "spec", "template"));
        Map<String, Object> container = container(app.name());
        String image = "agentlocator/" + app.name();
        Map<String, Object> tag = list(kustomization.get("images")).stream()
                .map(DeploymentConfigTest::map)
                .filter(i -> image.equals(i.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no image tag for " + image + " in the base"));
        assertThat((String) tag.get("newTag")).as("tagged by version").matches("\\d+\\.\\d+\\.\\d+");
        assertThat((String) container.get("image")).isEqualTo(image + ":" + tag.get("newTag"));
        assertThat(list(container.get("ports")))
                .singleElement()
                .satisfies(port -> assertThat(map(port)).containsEntry("containerPort", app.port()));
        assertThat(env(container)).containsEntry("SERVER_PORT", String.valueOf(app.port()));

        Map<String, Object> service = k8sObject("Service", app.name());
        assertThat(map(at(pod, "metadata", "labels"))).containsAllEntriesOf(map(at(service, "spec", "selector")));
        assertThat(map(at(deployment, "spec", "selector", "matchLabels")))
                .isEqualTo(map(at(service, "spec", "selector")));
        assertThat(list(at(service, "spec", "ports")))
                .singleElement()
                .satisfies(port -> assertThat(map(port)).containsEntry("port", app.port()));

        if (NOT_AUTOSCALED.contains(app.name())) {
            assertThat(deployment.get("kind")).isEqualTo("StatefulSet");
            assertThat((Integer) at(deployment, "spec", "replicas")).isGreaterThanOrEqualTo(2);
            assertThat(k8s)
                    .noneMatch(o -> "HorizontalPodAutoscaler".equals(o.get("kind"))
                            && app.name().equals(at(o, "metadata", "name")));
            return;
        }
        Map<String, Object> hpa = k8sObject("HorizontalPodAutoscaler", app.name());
        assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
        assertThat(map(at(hpa, "spec", "scaleTargetRef")))
                .containsEntry("kind", "Deployment")
                .containsEntry("name", app.name());
        int min = (Integer) at(hpa, "spec", "minReplicas");
        int max = (Integer) at(hpa, "spec", "maxReplicas");
        assertThat(min).isGreaterThanOrEqualTo(2);
        assertThat(max).isGreaterThanOrEqualTo(min);
        assertThat(map(at(deployment, "spec")))
                .as("the autoscaler owns the count")
                .doesNotContainKey("replicas");
        if (app.name().equals("timeline-service")) {
            Map<String, Object> config =
                    map(k8sObject("ConfigMap", "agentlocator-config").get("data"));
            int partitions = Integer.parseInt((String) config.get("AGENTLOCATOR_KAFKA_PARTITIONS"));
            int threads = Integer.parseInt((String) config.get("TIMELINE_CONSUMER_CONCURRENCY"));
            assertThat(max * threads)
                    .as("consumers beyond the partition count sit idle")
                    .isLessThanOrEqualTo(partitions);
        }
    }

    @ParameterizedTest
    @MethodSource("deployables")
    void probesResourcesAndSecurityContext(Deployable app) {
        Map<String, Object> container = container(app.name());
        assertThat(probe(container, "livenessProbe")).isEqualTo(LIVENESS);
        assertThat(probe(container, "readinessProbe")).isEqualTo(READINESS);
        assertThat(probe(container, "startupProbe")).isEqualTo(LIVENESS);
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertThat(at(container, probe, "httpGet", "port")).isEqualTo("http");
        }
        for (String kind : List.of("requests", "limits")) {
            assertThat(map(at(container, "resources", kind))).containsKeys("cpu", "memory");
        }
        Map<String, Object> podSecurity = map(at(workload(app.name()), "spec", "template", "spec", "securityContext"));
        assertThat(podSecurity).containsEntry("runAsNonRoot", true);
        assertThat((Integer) podSecurity.get("runAsUser")).isPositive();
        assertThat(map(container.get("securityContext")))
                .containsEntry("allowPrivilegeEscalation", false)
                .containsEntry("readOnlyRootFilesystem", true);
        // A read-only root needs a writable /tmp (Tomcat, Netty and the JVM write there).
        assertThat(list(container.get("volumeMounts"))).anyMatch(m -> "/tmp".equals(map(m).get("mountPath")));
    }

    @Test
    void theProbedAndScrapedPathsAreOnesTheServicesExposeWithoutAToken() {
        String kit = read("platform/service-kit/src/main/resources/agentlocator-kit-defaults.properties");
        assertThat(kit)
                .contains("management.endpoint.health.probes.enabled=true")
                .containsPattern("management.endpoints.web.exposure.include=.*health.*prometheus");
        for (String module : List.of("gateway", "infra/discovery-server")) {
            Map<String, Object> yaml = map(new Yaml().load(read(module + "/src/main/resources/application.yml")));
            assertThat(at(yaml, "management", "endpoint", "health", "probes", "enabled"))
                    .isEqualTo(true);
            assertThat((String) at(yaml, "management", "endpoints", "web", "exposure", "include"))
                    .contains("health")
                    .contains("prometheus");
        }
        assertThat(
                        read(
                                "platform/service-kit/src/main/java/dev/agentlocator/platform/kit/security/SecurityAutoConfiguration.java"))
                .contains("\"/actuator/health/**\"", "\"" + METRICS + "\"");
        assertThat(read("gateway/src/main/java/dev/agentlocator/gateway/security/SecurityConfiguration.java"))
                .contains("\"/actuator/health/**\"", "\"" + METRICS + "\"");
        // Everything else of the discovery server needs the registry's account.
        assertThat(read("infra/discovery-server/src/main/java/dev/agentlocator/discovery/RegistrySecurity.java"))
                .contains("\"/actuator/health/**\"", "\"" + METRICS + "\"");
    }

    @ParameterizedTest
    @MethodSource("deployables")
    void inKubernetesEveryRegistryClientSendsTheRegistrysAccount(Deployable app) {
        Map<String, Object> config =
                map(k8sObject("ConfigMap", "agentlocator-config").get("data"));
        assertThat(config).containsKey("EUREKA_USERNAME").doesNotContainKey("EUREKA_URL");
        Map<String, Object> container = container(app.name());
        assertThat(secretRefs(container)).containsKey("EUREKA_PASSWORD");
        if (app.name().equals("discovery-server")) {
            assertThat(at(envEntry(container, "EUREKA_USERNAME"), "valueFrom", "configMapKeyRef", "key"))
                    .isEqualTo("EUREKA_USERNAME");
            return;
        }
        assertThat(env(container)).containsEntry("EUREKA_URL", K8S_EUREKA_URL);
        assertThat(list(container.get("envFrom")))
                .as("EUREKA_USERNAME for the $(...) expansion")
                .anyMatch(source -> "agentlocator-config".equals(at(source, "configMapRef", "name")));
        List<String> names = list(container.get("env")).stream()
                .map(e -> (String) map(e).get("name"))
                .toList();
        assertThat(names.indexOf("EUREKA_PASSWORD"))
                .as("Kubernetes expands $(EUREKA_PASSWORD) only when it is defined before EUREKA_URL")
                .isLessThan(names.indexOf("EUREKA_URL"));
    }

    /** ADR 0021: no process but crm-service holds a key that can sign a user's token. */
    @ParameterizedTest
    @MethodSource("deployables")
    void onlyCrmServiceIsGivenTheTokenSigningKeysAndNoneTheOldSharedSecret(Deployable app) {
        Set<String> compose = composeEnvironment(app.name()).keySet();
        Set<String> kubernetes = list(container(app.name()).getOrDefault("env", List.of())).stream()
                .map(e -> (String) map(e).get("name"))
                .collect(Collectors.toSet());
        boolean signer = app.name().equals("crm-service");
        for (Set<String> variables : List.of(compose, kubernetes)) {
            assertThat(variables).as("%s", app).doesNotContain("JWT_SECRET");
            if (signer) {
                assertThat(variables).as("%s", app).contains("TOKEN_SIGNING_KEYS");
            } else {
                assertThat(variables).as("%s", app).doesNotContain("TOKEN_SIGNING_KEYS");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("deployables")
    void everySecretTheServiceRequiresInProductionComesFromTheSecret(Deployable app) {
        Set<String> required = requiredSecrets(app);
        if (app.name().equals("crm-service")) {
            assertThat(required).contains("TOKEN_SIGNING_KEYS", "TELEPHONY_CLIENT_SECRET");
        }
        if (app.name().equals("telephony-service")) {
            assertThat(required).contains("TELEPHONY_CLIENT_SECRET");
        }
        Map<String, Object> container = container(app.name());
        Map<String, Map<String, Object>> fromSecrets = secretRefs(container);
        for (String name : required) {
            if (FILE_SECRETS.contains(name)) {
                continue; // a path; the file is checked below
            }
            if (REQUIRED_SETTINGS.contains(name)) {
                assertThat(map(at(k8sObject("ConfigMap", "agentlocator-config"), "data")))
                        .as("%s of %s in the ConfigMap", name, app)
                        .containsKey(name);
                assertThat(list(container.get("envFrom")))
                        .as("%s of %s gets the ConfigMap", name, app)
                        .anyMatch(e -> "agentlocator-config".equals(at(map(e), "configMapRef", "name")));
                assertThat(composeEnvironment(app.name()).get(name))
                        .as("%s of %s in docker compose", name, app)
                        .asString()
                        .startsWith("${" + name);
                continue;
            }
            assertThat(fromSecrets).as("%s of %s by secretKeyRef", name, app).containsKey(name);
            assertThat(fromSecrets.get(name))
                    .containsEntry("name", "agentlocator-secrets")
                    .containsEntry("key", name);
            // docker compose passes it from .env
            assertThat(composeEnvironment(app.name()).get(name))
                    .as("%s of %s in docker compose", name, app)
                    .asString()
                    .startsWith("${" + name);
        }
        if (app.name().equals("telephony-service")) {
            // GOOGLE_APPLICATION_CREDENTIALS is a path (required in production by common.Sandbox): the
            // key file is a mounted Secret.
            String path = env(container).get("GOOGLE_APPLICATION_CREDENTIALS");
            assertThat(path).isNotBlank();
            Map<String, Object> mount = list(container.get("volumeMounts")).stream()
                    .map(DeploymentConfigTest::map)
                    .filter(m -> path.startsWith(m.get("mountPath") + "/"))
                    .findFirst()
                    .orElseThrow();
            assertThat(list(at(workload(app.name()), "spec", "template", "spec", "volumes")))
                    .anyMatch(v -> map(v).get("name").equals(mount.get("name")) && map(v).containsKey("secret"));
        }
    }

    @Test
    void noSecretValueIsCommitted() throws IOException {
        assertThat(k8s)
                .as("Secrets are created out of band, never applied from the repository")
                .noneMatch(o -> "Secret".equals(o.get("kind")));
        try (Stream<Path> files = Files.walk(root.resolve("infra/k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                if (file.getFileName().toString().equals("kustomization.yaml")) {
                    assertThat(Files.readString(file)).doesNotContain("secretGenerator");
                }
                for (Object document : new Yaml().loadAll(Files.readString(file))) {
                    Map<String, Object> object = document == null ? Map.of() : map(document);
                    if ("Secret".equals(object.get("kind"))) {
                        assertThat(object).doesNotContainKey("data");
                        map(object.get("stringData"))
                                .forEach((key, value) -> assertThat(String.valueOf(value))
                                        .as("%s in %s", key, file.getFileName())
                                        .matches(PLACEHOLDER));
                    }
                    if ("ConfigMap".equals(object.get("kind"))) {
                        assertThat(map(object.get("data")).keySet())
                                .as("secrets belong in the Secret")
                                .noneMatch(key -> SECRET_NAME.matcher(key).matches());
                    }
                    if (WORKLOAD_KINDS.contains(object.get("kind"))) {
                        for (Object c : list(at(object, "spec", "template", "spec", "containers"))) {
                            list(map(c).getOrDefault("env", List.of())).stream()
                                    .map(DeploymentConfigTest::map)
                                    .filter(e -> SECRET_NAME
                                            .matcher((String) e.get("name"))
                                            .matches())
                                    .forEach(e -> assertThat(e)
                                            .as("%s", e.get("name"))
                                            .doesNotContainKey("value"));
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyManifestIsAppliedAndTheGatewayIsTheOnlyWayIn() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(K8S_BASE))) {
            Set<String> manifests = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml"))
                    .filter(f -> !f.equals("kustomization.yaml") && !f.endsWith(".example.yaml"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(kustomizeResources).containsExactlyInAnyOrderElementsOf(manifests);
        }
        assertThat(k8s).as("Gateway API, not an Ingress").noneMatch(o -> "Ingress".equals(o.get("kind")));
        List<Map<String, Object>> routes =
                k8s.stream().filter(o -> "HTTPRoute".equals(o.get("kind"))).toList();
        assertThat(routes).isNotEmpty();
        for (Map<String, Object> route : routes) {
            for (Object rule : list(at(route, "spec", "rules"))) {
                for (Object backend : list(map(rule).getOrDefault("backendRefs", List.of()))) {
                    assertThat(map(backend)).containsEntry("name", "gateway").containsEntry("port", 8080);
                }
            }
        }
        Map<String, Object> config =
                map(k8sObject("ConfigMap", "agentlocator-config").get("data"));
        assertThat(config).containsEntry("APP_ENV", "production");
        for (Deployable app : DEPLOYABLES) {
            if (app.usesServiceKit()) {
                String database = app.name().replace("-service", "");
                assertThat(config.get(database.toUpperCase() + "_DATABASE_URL"))
                        .asString()
                        .endsWith("/" + database);
            }
        }
        // Whatever the Deployments take from the ConfigMap is a variable the suite reads, or one of
        // the suite's own properties by Spring's relaxed binding (AGENTLOCATOR_KAFKA_PARTITIONS).
        Set<String> kitProperties = Set.of("AGENTLOCATOR_KAFKA_PARTITIONS", "AGENTLOCATOR_KAFKA_REPLICATION_FACTOR");
        assertThat(read("platform/service-kit/src/main/resources/agentlocator-kit-defaults.properties"))
                .contains("agentlocator.kafka.partitions=", "agentlocator.kafka.replication-factor=");
        assertThat(config.keySet())
                .allMatch(key -> envExample.containsKey(key) || kitProperties.contains(key), "read by the suite");
    }

    // --- observability -------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("deployables")
    void prometheusScrapesEveryDeployableAndGrafanaHasItsDashboard(Deployable app) {
        Map<String, Object> prometheus = map(new Yaml().load(read("infra/observability/prometheus/prometheus.yml")));
        Map<String, Object> job = list(prometheus.get("scrape_configs")).stream()
                .map(DeploymentConfigTest::map)
                .filter(j -> app.name().equals(j.get("job_name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no scrape job for " + app));
        assertThat(job).containsEntry("metrics_path", METRICS);
        Map<String, Object> discovery = map(list(job.get("dns_sd_configs")).get(0));
        assertThat(strings(discovery.get("names"))).containsExactly(app.name());
        assertThat(discovery).containsEntry("port", app.port());

        JsonNode dashboard = JsonMapper.builder()
                .build()
                .readTree(read("infra/observability/grafana/dashboards/" + app.name() + ".json"));
        assertThat(dashboard.path("uid").asString()).isEqualTo("agentlocator-" + app.name());
        assertThat(dashboard.path("panels").size()).isGreaterThanOrEqualTo(6);
        // The data source and the job are variables, so the dashboard works wherever Prometheus
        // runs and however it names the job (compose, Kubernetes annotations, a ServiceMonitor).
        List<String> variables = new ArrayList<>();
        dashboard
                .path("templating")
                .path("list")
                .forEach(v -> variables.add(v.path("name").asString()));
        assertThat(variables).contains("datasource", "job");
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("datasource").path("uid").asString()).isEqualTo("${datasource}");
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asString();
                assertThat(expr).contains("job=~\"$job\"");
                assertThat(expr).matches("(?s).*(application=\"" + app.name() + "\"|up\\{).*");
            }
        }
        Map<String, Object> datasources =
                map(new Yaml().load(read("infra/observability/grafana/provisioning/datasources/prometheus.yml")));
        assertThat(list(datasources.get("datasources")))
                .anyMatch(d ->
                        "prometheus".equals(map(d).get("uid")) && "http://prometheus:9090".equals(map(d).get("url")));
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** What the service refuses to start without in production: the kit's groups, its own, and the rest. */
    static Set<String> requiredSecrets(Deployable app) {
        Set<String> required = new LinkedHashSet<>(REQUIRED_OUTSIDE_THE_KIT.getOrDefault(app.name(), List.of()));
        if (app.usesServiceKit()) {
            String kit = read("platform/service-kit/src/main/resources/agentlocator-kit-defaults.properties");
            Matcher groups = Pattern.compile("(?m)^agentlocator\\.production\\.required-secrets\\.\\w+=(.*)$")
                    .matcher(kit);
            assertThat(groups.find()).as("the kit's required secrets").isTrue();
            do {
                required.addAll(List.of(groups.group(1).split("\\s*,\\s*")));
            } while (groups.find());
            Map<String, Object> yaml = map(new Yaml().load(read(app.module() + "/src/main/resources/application.yml")));
            Object own = at(yaml, "agentlocator", "production", "required-secrets");
            if (own != null) {
                map(own).values()
                        .forEach(v -> required.addAll(
                                v instanceof List<?> names
                                        ? strings(names)
                                        : List.of(String.valueOf(v).split("\\s*,\\s*"))));
            }
        }
        required.removeIf(String::isBlank);
        return required;
    }

    static Map<String, Object> composeService(String name) {
        Object service = map(compose.get("services")).get(name);
        assertThat(service).as("docker compose service %s", name).isNotNull();
        return map(service);
    }

    static Map<String, Object> composeEnvironment(String name) {
        Object environment = composeService(name).get("environment");
        return environment == null ? Map.of() : map(environment);
    }

    static List<String> dependsOn(Map<String, Object> service) {
        Object dependsOn = service.get("depends_on");
        return dependsOn instanceof Map<?, ?> m ? strings(List.copyOf(m.keySet())) : strings(dependsOn);
    }

    static Map<String, Object> k8sObject(String kind, String name) {
        return k8s.stream()
                .filter(o -> kind.equals(o.get("kind")) && name.equals(at(o, "metadata", "name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + K8S_BASE));
    }

    static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet");

    /** The Deployment or StatefulSet that runs a deployable. */
    static Map<String, Object> workload(String name) {
        return k8s.stream()
                .filter(o -> WORKLOAD_KINDS.contains(o.get("kind")) && name.equals(at(o, "metadata", "name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment or StatefulSet " + name + " in " + K8S_BASE));
    }

    static Map<String, Object> container(String name) {
        List<Object> containers = list(at(workload(name), "spec", "template", "spec", "containers"));
        assertThat(containers).hasSize(1);
        return map(containers.get(0));
    }

    static String probe(Map<String, Object> container, String probe) {
        return (String) at(container, probe, "httpGet", "path");
    }

    /** Literal env values of a container, by name. */
    static Map<String, String> env(Map<String, Object> container) {
        return list(container.getOrDefault("env", List.of())).stream()
                .map(DeploymentConfigTest::map)
                .filter(e -> e.containsKey("value"))
                .collect(Collectors.toMap(e -> (String) e.get("name"), e -> String.valueOf(e.get("value"))));
    }

    static Map<String, Object> envEntry(Map<String, Object> container, String name) {
        return list(container.get("env")).stream()
                .map(DeploymentConfigTest::map)
                .filter(e -> name.equals(e.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in the container's env"));
    }

    /** secretKeyRef env entries of a container, by variable name. */
    static Map<String, Map<String, Object>> secretRefs(Map<String, Object> container) {
        return list(container.getOrDefault("env", List.of())).stream()
                .map(DeploymentConfigTest::map)
                .filter(e -> at(e, "valueFrom", "secretKeyRef") != null)
                .collect(Collectors.toMap(e -> (String) e.get("name"), e -> map(at(e, "valueFrom", "secretKeyRef"))));
    }

    static Set<String> references(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = VARIABLE_REFERENCE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** NAME=value lines, commented or not (a commented one documents a value set elsewhere). */
    static Map<String, String> envFile(String text) {
        Map<String, String> entries = new java.util.TreeMap<>();
        Matcher matcher = Pattern.compile("(?m)^#? ?([A-Z][A-Z0-9_]*)=(.*)$").matcher(text);
        while (matcher.find()) {
            entries.put(matcher.group(1), matcher.group(2).strip());
        }
        return entries;
    }

    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        assertThat(node).isInstanceOf(List.class);
        return (List<Object>) node;
    }

    static List<String> strings(Object node) {
        return list(node).stream().map(Objects::toString).toList();
    }

    static String read(String relative) {
        try {
            return Files.readString(root == null ? repositoryRoot().resolve(relative) : root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root (the directory holding mvnw)").isNotNull();
        return dir;
    }
}
