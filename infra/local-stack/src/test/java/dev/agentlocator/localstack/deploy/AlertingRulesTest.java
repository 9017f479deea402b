package dev.agentlocator.localstack.deploy;

import static dev.agentlocator.localstack.deploy.DeploymentConfigTest.list;
import static dev.agentlocator.localstack.deploy.DeploymentConfigTest.map;
import static dev.agentlocator.localstack.deploy.DeploymentConfigTest.read;
import static dev.agentlocator.localstack.deploy.DeploymentConfigTest.repositoryRoot;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Prometheus rules are valid, behave as their unit tests say, and each alert leads an on-call
 * engineer to a runbook; the compose scrape configuration loads them; every dashboard query parses.
 */
class AlertingRulesTest {

    static final String PROMETHEUS = "infra/observability/prometheus/";
    static final String RULES = PROMETHEUS + "rules/agentlocator.rules.yml";
    static final String RULE_TESTS = PROMETHEUS + "tests/agentlocator.rules.test.yml";
    static final String RUNBOOKS = "docs/operations.md";
    static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} +(.+?) *$");

    static Path root;
    static Map<String, Map<String, Object>> alerts;

    @BeforeAll
    static void readTheRules() {
        root = repositoryRoot();
        alerts = new LinkedHashMap<>();
        for (Object group : list(map(new Yaml().load(read(RULES))).get("groups"))) {
            for (Object rule : list(map(group).get("rules"))) {
                Map<String, Object> r = map(rule);
                if (r.containsKey("alert")) {
                    alerts.put((String) r.get("alert"), r);
                }
            }
        }
        assertThat(alerts).isNotEmpty();
    }

    @Test
    void promtoolAcceptsTheRulesAndTheScrapeConfigurationThatLoadsThem() {
        String rules = ExternalTool.PROMTOOL.succeed(root, "check", "rules", RULES);
        assertThat(rules).contains("SUCCESS");
        // The compose configuration names the rules (rule_files), so this checks them in place too.
        String config = ExternalTool.PROMTOOL.succeed(root, "check", "config", PROMETHEUS + "prometheus.yml");
        assertThat(config).contains("SUCCESS: 1 rule files found");
        assertThat(read(PROMETHEUS + "prometheus-kubernetes.yml")).contains("rule_files:\n  - rules/*.yml");
    }

    @Test
    void theRulesUnitTestsPass() {
        String output = ExternalTool.PROMTOOL.succeed(root, "test", "rules", RULE_TESTS);
        assertThat(output).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void everyAlertIsUnitTestedBothFiringAndQuiet() {
        Set<String> firing = new TreeSet<>();
        Set<String> quiet = new TreeSet<>();
        Map<String, Object> tests = map(new Yaml().load(read(RULE_TESTS)));
        assertThat(strings(tests.get("rule_files"))).containsExactly("../rules/agentlocator.rules.yml");
        for (Object test : list(tests.get("tests"))) {
            for (Object check : list(map(test).getOrDefault("alert_rule_test", List.of()))) {
                Map<String, Object> c = map(check);
                List<Object> expected = list(c.get("exp_alerts"));
                (expected.isEmpty() ? quiet : firing).add((String) c.get("alertname"));
            }
        }
        assertThat(firing).as("alerts a test sees firing").containsAll(alerts.keySet());
        assertThat(quiet).as("alerts a test sees quiet").containsAll(alerts.keySet());
    }

    @Test
    void everyAlertHasASeverityASummaryAndARunbookSection() {
        Set<String> anchors = anchors(read(RUNBOOKS));
        alerts.forEach((name, alert) -> {
            assertThat(name).startsWith("AgentLocator");
            assertThat((String) map(alert.get("labels")).get("severity"))
                    .as("severity of %s", name)
                    .isIn("critical", "warning");
            Map<String, Object> annotations = map(alert.get("annotations"));
            assertThat((String) annotations.get("summary"))
                    .as("summary of %s", name)
                    .isNotBlank();
            assertThat((String) annotations.get("description"))
                    .as("description of %s", name)
                    .isNotBlank();
            String runbook = (String) annotations.get("runbook_url");
            assertThat(runbook).as("runbook of %s", name).startsWith(RUNBOOKS + "#");
            assertThat(anchors)
                    .as("%s links to a section of %s", name, RUNBOOKS)
                    .contains(runbook.substring(runbook.indexOf('#') + 1));
        });
    }

    /** Grafana substitutes the variables; with them replaced, promtool parses every expression. */
    @Test
    void everyDashboardQueryIsValidPromQl(@TempDir Path scratch) throws IOException {
        List<Map<String, Object>> rules = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        try (Stream<Path> files = Files.list(root.resolve("infra/observability/grafana/dashboards"))) {
            for (Path file : files.sorted().toList()) {
                JsonNode dashboard = json.readTree(Files.readString(file));
                for (JsonNode panel : dashboard.path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        String expr = target.path("expr").asString().replaceAll("\\$\\{?[a-z_]+}?", ".*");
                        rules.add(Map.of("record", "dashboard:query:" + rules.size(), "expr", expr));
                    }
                }
            }
        }
        assertThat(rules).hasSizeGreaterThan(100);
        DumperOptions block = new DumperOptions();
        block.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Path file = scratch.resolve("dashboard-queries.yml");
        Files.writeString(
                file, new Yaml(block).dump(Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules)))));
        String output = ExternalTool.PROMTOOL.succeed(root, "check", "rules", file.toString());
        assertThat(output).contains("SUCCESS: " + rules.size() + " rules found");
    }

    /** The anchors GitHub gives a Markdown file's headings. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new TreeSet<>();
        Matcher heading = HEADING.matcher(markdown);
        while (heading.find()) {
            anchors.add(heading.group(1)
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-'));
        }
        return anchors;
    }

    static List<String> strings(Object node) {
        return list(node).stream().map(String::valueOf).toList();
    }
}
