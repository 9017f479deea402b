package dev.agentlocator.localstack.deploy;

import static dev.agentlocator.localstack.deploy.DeploymentConfigTest.at;
import static dev.agentlocator.localstack.deploy.DeploymentConfigTest.list;
import static dev.agentlocator.localstack.deploy.DeploymentConfigTest.map;
import static dev.agentlocator.localstack.deploy.DeploymentConfigTest.read;
import static dev.agentlocator.localstack.deploy.DeploymentConfigTest.repositoryRoot;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code kubectl kustomize} renders for each overlay is valid against the Kubernetes schemas
 * (offline: the official Java client's models, generated from the Kubernetes OpenAPI document, and
 * fabric8's Gateway API models, both from Maven Central) and keeps the promises of
 * docs/operations.md: a node drain never takes a service down, only the gateway is reachable from
 * outside, only services reach PostgreSQL and Kafka, images carry versions, Eureka's peers are the
 * replicas every client lists, and Prometheus finds every pod under the job the dashboards expect.
 */
class KubernetesManifestsTest {

    static final List<String> OVERLAYS = List.of("development", "production");
    static final String CLIENT_MODELS = "io.kubernetes.client.openapi.models.";
    static final String GATEWAY_API_GROUP = "gateway.networking.k8s.io";
    static final String GATEWAY_API_MODELS = "io.fabric8.kubernetes.api.model.gatewayapi.";

    static Path root;
    static final Map<String, List<Map<String, Object>>> rendered = new LinkedHashMap<>();

    @BeforeAll
    static void renderEveryOverlay() {
        root = repositoryRoot();
        for (String overlay : OVERLAYS) {
            rendered.put(overlay, render("infra/k8s/overlays/" + overlay));
        }
        rendered.put("observability", render("infra/observability"));
    }

    static List<Map<String, Object>> render(String directory) {
        String yaml = ExternalTool.KUBECTL.succeed(root, "kustomize", directory);
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(yaml)) {
            if (document != null) {
                objects.add(map(document));
            }
        }
        assertThat(objects).as("objects rendered from %s", directory).isNotEmpty();
        return objects;
    }

    // --- schemas -------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"development", "production", "observability"})
    void everyRenderedObjectMatchesItsKubernetesSchema(String rendering) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> object : rendered.get(rendering)) {
            String problem = schemaProblem(object);
            if (problem != null) {
                problems.add(object.get("kind") + " " + at(object, "metadata", "name") + ": " + problem);
            }
        }
        assertThat(problems)
                .as("objects of %s that do not match their schema", rendering)
                .isEmpty();
        Set<String> kinds = new TreeSet<>();
        rendered.get(rendering).forEach(o -> kinds.add((String) o.get("kind")));
        if (!rendering.equals("observability")) {
            assertThat(kinds)
                    .contains(
                            "Deployment",
                            "StatefulSet",
                            "PodDisruptionBudget",
                            "NetworkPolicy",
                            "HorizontalPodAutoscaler",
                            "Gateway",
                            "HTTPRoute");
        }
    }

    /** The validator must catch what kubeconform's strict mode catches, or the test above proves nothing. */
    @Test
    void theSchemaCheckCatchesUnknownFieldsWrongTypesAndMissingRequiredOnes() {
        Map<String, Object> pdb = object("policy/v1", "PodDisruptionBudget", Map.of("maxUnavailable", 1));
        assertThat(schemaProblem(pdb)).isNull();
        assertThat(schemaProblem(object("policy/v1", "PodDisruptionBudget", Map.of("maxUnavailabel", 1))))
                .contains("maxUnavailabel");
        Map<String, Object> containers = Map.of("spec", Map.of("containers", List.of(Map.of("name", "x"))));
        assertThat(schemaProblem(object(
                        "apps/v1", "Deployment", Map.of("replicas", 2, "selector", Map.of(), "template", containers))))
                .isNull();
        assertThat(schemaProblem(object(
                        "apps/v1",
                        "Deployment",
                        Map.of("replicas", "two", "selector", Map.of(), "template", containers))))
                .as("wrong type")
                .isNotNull();
        assertThat(schemaProblem(object(
                        "apps/v1",
                        "Deployment",
                        Map.of(
                                "selector",
                                Map.of(),
                                "template",
                                Map.of("spec", Map.of("containers", List.of(Map.of("image", "x"))))))))
                .as("a container without its required name")
                .contains("name");
        Map<String, Object> policy = object(
                "networking.k8s.io/v1",
                "NetworkPolicy",
                Map.of("podSelector", Map.of(), "ingress", List.of(Map.of("ports", List.of(Map.of("prot", "TCP"))))));
        assertThat(schemaProblem(policy)).contains("prot");
        Map<String, Object> route = object(
                GATEWAY_API_GROUP + "/v1",
                "HTTPRoute",
                Map.of("parentRefs", List.of(Map.of("name", "agentlocator", "sectionNam", "https"))));
        assertThat(schemaProblem(route)).contains("sectionNam");
        Map<String, Object> gateway = object(
                GATEWAY_API_GROUP + "/v1",
                "Gateway",
                Map.of("gatewayClassName", "public", "listeners", List.of(Map.of("name", "https", "port", "443"))));
        assertThat(schemaProblem(gateway)).isNotNull();
        assertThat(schemaProblem(object("example.com/v1", "Widget", Map.of()))).contains("no schema");
    }

    static Map<String, Object> object(String apiVersion, String kind, Map<String, Object> spec) {
        return Map.of("apiVersion", apiVersion, "kind", kind, "metadata", Map.of("name", "x"), "spec", spec);
    }

    /** Null when the object matches its schema, else what is wrong with it. */
    static String schemaProblem(Map<String, Object> object) {
        String apiVersion = (String) object.get("apiVersion");
        String kind = (String) object.get("kind");
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        try {
            String json = JsonMapper.builder().build().writeValueAsString(object);
            if (group.equals(GATEWAY_API_GROUP)) {
                return gatewayApiProblem(Class.forName(GATEWAY_API_MODELS + version + "." + kind), json);
            }
            Class<?> model = Class.forName(CLIENT_MODELS + capitalise(version) + kind);
            // Generated from the OpenAPI document: fromJson refuses unknown fields and missing
            // required ones at every depth (validateJsonElement), then values of the wrong type.
            model.getMethod("fromJson", String.class).invoke(null, json);
            return null;
        } catch (ClassNotFoundException e) {
            return "no schema for " + apiVersion + " " + kind;
        } catch (InvocationTargetException e) {
            return String.valueOf(e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * fabric8's models keep fields they do not know in additionalProperties (a @JsonAnySetter,
     * which Jackson 3 honours as well): a strict reading (no coercion of "443" to 443) that leaves
     * every additionalProperties empty matches the schema.
     */
    static String gatewayApiProblem(Class<?> model, String json) throws IllegalAccessException {
        JsonMapper strict = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        Object value;
        try {
            value = strict.readValue(json, model);
        } catch (JacksonException e) {
            return e.getOriginalMessage();
        }
        List<String> unknown = new ArrayList<>();
        unknownFields(value, "", unknown);
        return unknown.isEmpty() ? null : "unknown field(s) " + unknown;
    }

    static void unknownFields(Object value, String path, List<String> unknown) throws IllegalAccessException {
        if (value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                unknownFields(items.get(i), path + "[" + i + "]", unknown);
            }
            return;
        }
        if (value == null || !value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> type = value.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object fieldValue = field.get(value);
                if (field.getName().equals("additionalProperties") && fieldValue instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                } else {
                    unknownFields(fieldValue, path + "." + field.getName(), unknown);
                }
            }
        }
    }

    static String capitalise(String version) {
        return Character.toUpperCase(version.charAt(0)) + version.substring(1);
    }

    // --- images --------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"development", "production"})
    void imagesAreTaggedByVersionNeverLatest(String overlay) {
        String version = overlay.equals("production") ? "\\d+\\.\\d+\\.\\d+" : "\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.]+)?";
        List<String> images = new ArrayList<>();
        for (Map<String, Object> workload : workloads(overlay)) {
            for (Object container : list(at(workload, "spec", "template", "spec", "containers"))) {
                images.add((String) map(container).get("image"));
            }
        }
        assertThat(images)
                .hasSize(8)
                .allSatisfy(image -> assertThat(image)
                        .as("image of %s", overlay)
                        .matches("([a-z0-9.-]+(:\\d+)?/)*agentlocator/[a-z-]+:" + version)
                        .doesNotContain(":latest"));
    }

    // --- node drain ----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"development", "production"})
    void everyWorkloadIsSpreadBudgetedAndSizedFromItsMeasuredFigures(String overlay) {
        for (Map<String, Object> workload : workloads(overlay)) {
            String name = (String) at(workload, "metadata", "name");
            Map<String, Object> podLabels = map(at(workload, "spec", "template", "metadata", "labels"));

            List<Map<String, Object>> budgets = objects(overlay, "PodDisruptionBudget").stream()
                    .filter(pdb -> selects(map(at(pdb, "spec", "selector")), podLabels))
                    .toList();
            assertThat(budgets).as("PodDisruptionBudget of %s", name).hasSize(1);
            Map<String, Object> budget = map(budgets.get(0).get("spec"));
            assertThat(budget)
                    .as("%s: one pod at a time, and an unready pod never blocks a drain", name)
                    .containsEntry("maxUnavailable", 1)
                    .containsEntry("unhealthyPodEvictionPolicy", "AlwaysAllow")
                    .doesNotContainKey("minAvailable");
            if (overlay.equals("production")) {
                assertThat(minimumReplicas(overlay, workload))
                        .as("%s keeps a replica serving while the budget lets one go", name)
                        .isGreaterThanOrEqualTo(2);
            }

            List<Object> spread = list(at(workload, "spec", "template", "spec", "topologySpreadConstraints"));
            assertThat(spread)
                    .as("%s never puts two replicas on one node", name)
                    .anySatisfy(c -> {
                        Map<String, Object> constraint = map(c);
                        assertThat(constraint)
                                .containsEntry("topologyKey", "kubernetes.io/hostname")
                                .containsEntry("whenUnsatisfiable", "DoNotSchedule")
                                .containsEntry("nodeTaintsPolicy", "Honor")
                                .containsEntry("maxSkew", 1);
                        assertThat(selects(map(constraint.get("labelSelector")), podLabels))
                                .isTrue();
                    });
            if (workload.get("kind").equals("Deployment")) {
                assertThat(at(workload, "spec", "strategy", "rollingUpdate", "maxUnavailable"))
                        .isEqualTo(0);
            }

            Map<String, Object> container = map(
                    list(at(workload, "spec", "template", "spec", "containers")).get(0));
            Map<String, Object> requests = map(at(container, "resources", "requests"));
            Map<String, Object> limits = map(at(container, "resources", "limits"));
            assertThat(requests.get("memory"))
                    .as("%s: memory request = limit (the JVM sizes its heap from the limit)", name)
                    .isEqualTo(limits.get("memory"));
            assertThat(cpu(requests.get("cpu"))).isLessThanOrEqualTo(cpu(limits.get("cpu")));
            assertThat(read("docs/operations.md"))
                    .as("%s's figures are in the resources table of docs/operations.md", name)
                    .containsPattern("\\| `" + name + "` \\|[^\\n]*\\| " + requests.get("cpu") + " / "
                            + limits.get("cpu") + " \\| " + limits.get("memory") + " \\|");
        }
    }

    static int minimumReplicas(String overlay, Map<String, Object> workload) {
        if (workload.get("kind").equals("StatefulSet")) {
            return (Integer) at(workload, "spec", "replicas");
        }
        return objects(overlay, "HorizontalPodAutoscaler").stream()
                .filter(hpa -> at(workload, "metadata", "name").equals(at(hpa, "spec", "scaleTargetRef", "name")))
                .map(hpa -> (Integer) at(hpa, "spec", "minReplicas"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no autoscaler for " + at(workload, "metadata", "name")));
    }

    static BigDecimal cpu(Object quantity) {
        String q = String.valueOf(quantity);
        return q.endsWith("m") ? new BigDecimal(q.substring(0, q.length() - 1)).movePointLeft(3) : new BigDecimal(q);
    }

    // --- network policies ----------------------------------------------------------------------------

    /** A peer as a NetworkPolicy sees it: a pod of this namespace, or anything else. */
    record Peer(String namespace, Map<String, Object> labels) {
        static final String OURS = "the suite's namespace";

        static Peer pod(Map<String, Object> labels) {
            return new Peer(OURS, labels);
        }

        static Peer namespace(String name) {
            return new Peer(name, Map.of());
        }

        static Peer outside() {
            return new Peer("the internet", Map.of());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "production"})
    void onlyTheGatewayIsReachableFromOutsideAndOnlyServicesReachTheData(String overlay) {
        Map<String, Map<String, Object>> pods = new LinkedHashMap<>();
        workloads(overlay)
                .forEach(w -> pods.put(
                        (String) at(w, "metadata", "name"), map(at(w, "spec", "template", "metadata", "labels"))));
        List<Map<String, Object>> policies = objects(overlay, "NetworkPolicy");
        Set<String> services = Set.of(
                "crm-service",
                "telephony-service",
                "tasks-service",
                "billing-service",
                "timeline-service",
                "notification-service");

        pods.forEach((name, labels) -> {
            assertThat(ingressAllowed(policies, labels, Peer.outside()))
                    .as("%s reachable from outside", name)
                    .isEqualTo(name.equals("gateway"));
            assertThat(ingressAllowed(policies, labels, Peer.namespace("monitoring")))
                    .as("Prometheus scrapes %s", name)
                    .isTrue();
            assertThat(ingressAllowed(policies, labels, Peer.namespace("some-other-app")))
                    .as("%s reachable from another namespace", name)
                    .isEqualTo(name.equals("gateway"));
            boolean service = services.contains(name);
            assertThat(egressAllowed(policies, labels, Peer.namespace("database"), 5432))
                    .as("%s reaches PostgreSQL", name)
                    .isEqualTo(service);
            assertThat(egressAllowed(policies, labels, Peer.namespace("kafka"), 9092))
                    .as("%s reaches Kafka", name)
                    .isEqualTo(service);
            assertThat(egressAllowed(policies, labels, new Peer("kube-system", Map.of("k8s-app", "kube-dns")), 53))
                    .as("%s resolves names", name)
                    .isTrue();
        });
        Map<String, Object> gateway = pods.get("gateway");
        Map<String, Object> crm = pods.get("crm-service");
        Map<String, Object> telephony = pods.get("telephony-service");
        Map<String, Object> eureka = pods.get("discovery-server");
        assertThat(ingressAllowed(policies, crm, Peer.pod(gateway))).isTrue();
        assertThat(ingressAllowed(policies, crm, Peer.pod(telephony)))
                .as("telephony asks crm")
                .isTrue();
        assertThat(egressAllowed(policies, telephony, Peer.pod(crm), 8081)).isTrue();
        assertThat(ingressAllowed(policies, eureka, Peer.pod(crm))).isTrue();
        assertThat(ingressAllowed(policies, eureka, Peer.pod(gateway))).isTrue();
        assertThat(ingressAllowed(policies, eureka, Peer.pod(eureka)))
                .as("Eureka's peer")
                .isTrue();
        assertThat(ingressAllowed(policies, eureka, Peer.pod(Map.of("app", "debug-shell"))))
                .as("Eureka from a pod that is not part of the suite")
                .isFalse();
        assertThat(ingressAllowed(policies, crm, Peer.pod(Map.of("app", "debug-shell"))))
                .isFalse();
        assertThat(egressAllowed(policies, telephony, Peer.outside(), 443))
                .as("telephony calls Twilio, OpenAI and Google")
                .isTrue();
        assertThat(egressAllowed(policies, crm, Peer.outside(), 443))
                .as("crm calls nothing outside")
                .isFalse();
    }

    static boolean ingressAllowed(List<Map<String, Object>> policies, Map<String, Object> pod, Peer from) {
        return allowed(policies, pod, "Ingress", "ingress", "from", from, null);
    }

    static boolean egressAllowed(List<Map<String, Object>> policies, Map<String, Object> pod, Peer to, int port) {
        return allowed(policies, pod, "Egress", "egress", "to", to, port);
    }

    /**
     * NetworkPolicy semantics, as far as these manifests use them: a pod no policy of a direction
     * selects is open in that direction; otherwise some rule of a selecting policy must match the
     * peer (no peers: any) and, for egress, the port (no ports: any). Ingress is asked of the pods'
     * own HTTP port, the only one they have.
     */
    static boolean allowed(
            List<Map<String, Object>> policies,
            Map<String, Object> pod,
            String type,
            String rulesKey,
            String peersKey,
            Peer peer,
            Integer port) {
        List<Map<String, Object>> selecting = policies.stream()
                .filter(p -> selects(map(at(p, "spec", "podSelector")), pod))
                .filter(p -> strings(at(p, "spec", "policyTypes")).contains(type))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        for (Map<String, Object> policy : selecting) {
            for (Object r : list(map(policy.get("spec")).getOrDefault(rulesKey, List.of()))) {
                Map<String, Object> rule = map(r);
                List<Object> peers = list(rule.getOrDefault(peersKey, List.of()));
                boolean peerMatches = peers.isEmpty() || peers.stream().anyMatch(p -> peerMatches(map(p), peer));
                List<Object> ports = list(rule.getOrDefault("ports", List.of()));
                boolean portMatches = port == null
                        || ports.isEmpty()
                        || ports.stream().anyMatch(p -> Objects.equals(map(p).get("port"), port));
                if (peerMatches && portMatches) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean peerMatches(Map<String, Object> rulePeer, Peer peer) {
        if (rulePeer.containsKey("ipBlock")) {
            return peer.equals(Peer.outside());
        }
        Object namespaceSelector = rulePeer.get("namespaceSelector");
        Object podSelector = rulePeer.get("podSelector");
        boolean namespaceMatches = namespaceSelector == null
                ? peer.namespace().equals(Peer.OURS)
                : selects(map(namespaceSelector), Map.of("kubernetes.io/metadata.name", peer.namespace()));
        boolean podMatches = podSelector == null || selects(map(podSelector), peer.labels());
        return namespaceMatches && podMatches;
    }

    static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        for (Map.Entry<String, Object> label :
                map(selector.getOrDefault("matchLabels", Map.of())).entrySet()) {
            if (!label.getValue().equals(labels.get(label.getKey()))) {
                return false;
            }
        }
        for (Object e : list(selector.getOrDefault("matchExpressions", List.of()))) {
            Map<String, Object> expression = map(e);
            assertThat(expression.get("operator")).isEqualTo("In");
            if (!strings(expression.get("values")).contains(labels.get(expression.get("key")))) {
                return false;
            }
        }
        return true;
    }

    // --- Gateway API ---------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"development", "production"})
    void theGatewayTerminatesTlsForThePublicHostAndRoutesEverythingToTheGatewayService(String overlay) {
        assertThat(objects(overlay, "Ingress")).isEmpty();
        Map<String, Object> gateway = single(overlay, "Gateway");
        String host = java.net
                .URI
                .create((String)
                        map(single(overlay, "ConfigMap", "agentlocator-config").get("data"))
                                .get("TELEPHONY_PUBLIC_URL"))
                .getHost();
        Map<String, Map<String, Object>> listeners = new LinkedHashMap<>();
        list(at(gateway, "spec", "listeners")).forEach(l -> listeners.put((String) map(l).get("name"), map(l)));
        assertThat(listeners).containsOnlyKeys("https", "http");
        assertThat(listeners.get("https"))
                .containsEntry("protocol", "HTTPS")
                .containsEntry("port", 443)
                .containsEntry("hostname", host);
        assertThat(at(listeners.get("https"), "tls", "mode")).isEqualTo("Terminate");
        assertThat(list(at(listeners.get("https"), "tls", "certificateRefs")))
                .singleElement()
                .satisfies(ref -> assertThat(map(ref)).containsEntry("name", "agentlocator-tls"));
        assertThat(listeners.get("http")).containsEntry("hostname", host);

        Map<String, Object> gatewayService = single(overlay, "Service", "gateway");
        int servicePort =
                (Integer) map(list(at(gatewayService, "spec", "ports")).get(0)).get("port");
        for (Map<String, Object> route : objects(overlay, "HTTPRoute")) {
            assertThat(strings(at(route, "spec", "hostnames"))).containsExactly(host);
            Map<String, Object> parent =
                    map(list(at(route, "spec", "parentRefs")).get(0));
            assertThat(parent.get("name")).isEqualTo(at(gateway, "metadata", "name"));
            boolean plainHttp = "http".equals(parent.get("sectionName"));
            for (Object r : list(at(route, "spec", "rules"))) {
                Map<String, Object> rule = map(r);
                if (plainHttp) {
                    assertThat(rule).as("plain HTTP only redirects").doesNotContainKey("backendRefs");
                    assertThat(list(rule.get("filters")))
                            .singleElement()
                            .satisfies(f ->
                                    assertThat(map(at(f, "requestRedirect"))).containsEntry("scheme", "https"));
                } else {
                    assertThat(parent.get("sectionName")).isEqualTo("https");
                    assertThat(list(rule.get("backendRefs")))
                            .singleElement()
                            .satisfies(b -> assertThat(map(b))
                                    .containsEntry("name", "gateway")
                                    .containsEntry("port", servicePort));
                }
            }
        }
        assertThat(objects(overlay, "HTTPRoute"))
                .anySatisfy(
                        r -> assertThat(String.valueOf(r)).contains("value=/ws").contains("request=0s"));
    }

    // --- Eureka --------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"development", "production"})
    void eurekaPeersAreTheReplicasEveryClientLists(String overlay) {
        Map<String, Object> eureka = single(overlay, "StatefulSet", "discovery-server");
        int replicas = (Integer) at(eureka, "spec", "replicas");
        assertThat(replicas).isGreaterThanOrEqualTo(2);
        String peers = (String) at(eureka, "spec", "serviceName");
        Map<String, Object> headless = single(overlay, "Service", peers);
        assertThat(map(headless.get("spec")))
                .containsEntry("clusterIP", "None")
                .containsEntry("publishNotReadyAddresses", true);
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            urls.add("http://$(EUREKA_USERNAME):$(EUREKA_PASSWORD)@discovery-server-" + i + "." + peers
                    + ":8761/eureka/");
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (Object e : list(
                map(list(at(eureka, "spec", "template", "spec", "containers")).get(0))
                        .get("env"))) {
            env.put((String) map(e).get("name"), (String) map(e).get("value"));
        }
        assertThat(env)
                .containsEntry("EUREKA_HOSTNAME", "$(POD_NAME)." + peers)
                .containsEntry("EUREKA_CLIENT_REGISTERWITHEUREKA", "true")
                .containsEntry("EUREKA_CLIENT_FETCHREGISTRY", "true")
                .containsEntry("EUREKA_CLIENT_SERVICEURL_DEFAULTZONE", String.join(",", urls));
        // every client lists the same peers, with the registry's account (DeploymentConfigTest)
        for (String client : List.of(
                "gateway",
                "crm-service",
                "telephony-service",
                "tasks-service",
                "billing-service",
                "timeline-service",
                "notification-service")) {
            Map<String, Object> deployment = single(overlay, "Deployment", client);
            assertThat(list(map(list(at(deployment, "spec", "template", "spec", "containers"))
                                    .get(0))
                            .get("env")))
                    .as(client)
                    .anyMatch(e -> "EUREKA_URL".equals(map(e).get("name"))
                            && String.join(",", urls).equals(map(e).get("value")));
        }
    }

    // --- Prometheus ----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"development", "production"})
    void prometheusFindsEveryPodUnderTheJobTheRulesAndDashboardsUse(String overlay) {
        String scrape = read("infra/observability/prometheus/prometheus-kubernetes.yml");
        for (String annotation : List.of("scrape", "path", "port")) {
            assertThat(scrape).contains("__meta_kubernetes_pod_annotation_prometheus_io_" + annotation);
        }
        assertThat(scrape)
                .contains("source_labels: [__meta_kubernetes_pod_label_app_kubernetes_io_name]\n"
                        + "        target_label: job");
        String rules = read(AlertingRulesTest.RULES);
        for (Map<String, Object> workload : workloads(overlay)) {
            String name = (String) at(workload, "metadata", "name");
            Map<String, Object> template = map(at(workload, "spec", "template"));
            Map<String, Object> annotations = map(at(template, "metadata", "annotations"));
            Map<String, Object> container =
                    map(list(at(template, "spec", "containers")).get(0));
            int port = (Integer) map(list(container.get("ports")).get(0)).get("containerPort");
            assertThat(annotations)
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/path", DeploymentConfigTest.METRICS)
                    .containsEntry("prometheus.io/port", String.valueOf(port));
            assertThat(map(at(template, "metadata", "labels"))).containsEntry("app.kubernetes.io/name", name);
            assertThat(rules).as("the availability alerts know job %s", name).contains("up{job=\"" + name + "\"}");
        }
        List<String> dashboards = new ArrayList<>();
        for (Map<String, Object> configMap : rendered.get("observability")) {
            dashboards.addAll(map(configMap.get("data")).keySet());
        }
        try (Stream<Path> files = Files.list(root.resolve("infra/observability/grafana/dashboards"))) {
            assertThat(dashboards)
                    .containsAll(files.map(f -> f.getFileName().toString()).toList())
                    .contains("agentlocator.rules.yml");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // --- helpers -------------------------------------------------------------------------------------

    static List<Map<String, Object>> workloads(String overlay) {
        List<Map<String, Object>> workloads = rendered.get(overlay).stream()
                .filter(o -> DeploymentConfigTest.WORKLOAD_KINDS.contains(o.get("kind")))
                .toList();
        assertThat(workloads).hasSize(DeploymentConfigTest.DEPLOYABLES.size());
        return workloads;
    }

    static List<Map<String, Object>> objects(String overlay, String kind) {
        return rendered.get(overlay).stream()
                .filter(o -> kind.equals(o.get("kind")))
                .toList();
    }

    static Map<String, Object> single(String overlay, String kind) {
        List<Map<String, Object>> found = objects(overlay, kind);
        assertThat(found).as("%s in %s", kind, overlay).hasSize(1);
        return found.get(0);
    }

    static Map<String, Object> single(String overlay, String kind, String name) {
        return objects(overlay, kind).stream()
                .filter(o -> name.equals(at(o, "metadata", "name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + overlay));
    }

    static List<String> strings(Object node) {
        return list(node).stream().map(String::valueOf).toList();
    }
}
