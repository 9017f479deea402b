package dev.agentlocator.localstack.deploy;

import static dev.agentlocator.localstack.deploy.DeploymentConfigTest.at;
import static dev.agentlocator.localstack.deploy.DeploymentConfigTest.envFile;
import static dev.agentlocator.localstack.deploy.DeploymentConfigTest.map;
import static dev.agentlocator.localstack.deploy.DeploymentConfigTest.read;
import static dev.agentlocator.localstack.deploy.DeploymentConfigTest.references;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Setting a variable in .env changes what docker compose runs: every variable .env.example lists
 * reaches a container (or is one the images set themselves), and the defaults compose falls back
 * to are the services' own.
 */
class ComposeEnvironmentTest {

    /** Commented in .env.example because the images set them (infra/docker). */
    static final Map<String, String> SET_BY_THE_IMAGES = Map.of(
            "SERVER_PORT", "infra/docker/Dockerfile",
            "CLIENT_DIST_DIR", "infra/docker/gateway.Dockerfile");

    /** ${NAME}, ${NAME:-default} and ${NAME:?message} with the text after the name. */
    static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[-?]([^}]*))?}");

    @Test
    void everyVariableEnvExampleListsReachesACompose() {
        String composeText = read("docker-compose.yml");
        Set<String> interpolated = references(composeText);
        Set<String> setLiterally = new TreeSet<>();
        Map<String, Object> services = map(map(new Yaml().load(composeText)).get("services"));
        services.values().forEach(service -> {
            Object environment = map(service).get("environment");
            if (environment != null) {
                setLiterally.addAll(map(environment).keySet());
            }
        });

        String example = read(".env.example");
        Map<String, String> listed = envFile(example);
        Set<String> unused = new TreeSet<>();
        listed.keySet().forEach(name -> {
            boolean uncommented =
                    Pattern.compile("(?m)^" + name + "=").matcher(example).find();
            if (uncommented ? !interpolated.contains(name) : !reachesCompose(name, interpolated, setLiterally)) {
                unused.add(name);
            }
        });
        assertThat(unused)
                .as("variables .env.example lists that no compose container receives (uncommented ones must be"
                        + " interpolated from .env)")
                .isEmpty();
        SET_BY_THE_IMAGES.forEach((name, dockerfile) -> assertThat(read(dockerfile))
                .as("%s sets %s", dockerfile, name)
                .containsPattern("(?m)^(ENV |\\s+)" + name + "="));
    }

    static boolean reachesCompose(String name, Set<String> interpolated, Set<String> setLiterally) {
        return interpolated.contains(name) || setLiterally.contains(name) || SET_BY_THE_IMAGES.containsKey(name);
    }

    /**
     * An empty value in .env would replace the gateway's built-in default, so compose falls back
     * to that same default (":-" also applies to an empty value) and must stay equal to it.
     */
    @Test
    void theTrustedProxiesComposeFallsBackToAreTheGatewaysOwnDefault() {
        Object gatewayEnvironment =
                at(map(new Yaml().load(read("docker-compose.yml"))), "services", "gateway", "environment");
        String composeValue = (String) map(gatewayEnvironment).get("GATEWAY_TRUSTED_PROXIES");
        assertThat(composeValue)
                .as("compose passes GATEWAY_TRUSTED_PROXIES to the gateway")
                .isNotNull();
        Matcher compose = INTERPOLATION.matcher(composeValue);
        assertThat(compose.matches())
                .as("GATEWAY_TRUSTED_PROXIES in compose: %s", composeValue)
                .isTrue();
        assertThat(compose.group(1)).isEqualTo("GATEWAY_TRUSTED_PROXIES");
        assertThat(composeValue).startsWith("${GATEWAY_TRUSTED_PROXIES:-");

        Matcher gateway = Pattern.compile("\\$\\{GATEWAY_TRUSTED_PROXIES:(.*)}\\s*$", Pattern.MULTILINE)
                .matcher(read("gateway/src/main/resources/application.yml"));
        assertThat(gateway.find())
                .as("the gateway reads GATEWAY_TRUSTED_PROXIES with a default")
                .isTrue();
        assertThat(compose.group(2)).isEqualTo(gateway.group(1));
    }
}
