package dev.agentlocator.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsTest {

    @Test
    void defaults() {
        Options options = Options.parse(new String[0], Map.of());

        assertThat(options.mode()).isEqualTo(Mode.RUN);
        assertThat(options.echo()).isFalse();
        assertThat(options.timeout().toSeconds()).isEqualTo(240);
        assertThat(options.javaOptions()).isEqualTo(Options.DEFAULT_JAVA_OPTIONS);
    }

    @Test
    void flagsAndEnvironment() {
        Map<String, String> env = Map.of(
                "LOCAL_STACK_ECHO", "1",
                "LOCAL_STACK_SMOKE", "1",
                "LOCAL_STACK_TIMEOUT_SECONDS", "90",
                "LOCAL_STACK_JAVA_OPTS", " -XX:+UseG1GC  -Xmx256m ");

        Options fromEnv = Options.parse(new String[0], env);
        assertThat(fromEnv.mode()).isEqualTo(Mode.SMOKE);
        assertThat(fromEnv.echo()).isTrue();
        assertThat(fromEnv.timeout().toSeconds()).isEqualTo(90);
        assertThat(fromEnv.javaOptions()).containsExactly("-XX:+UseG1GC", "-Xmx256m");

        assertThat(Options.parse(new String[] {"--measure"}, Map.of()).mode()).isEqualTo(Mode.MEASURE);
        assertThat(Options.parse(new String[] {"--smoke", "--echo"}, Map.of()).echo())
                .isTrue();
        assertThatThrownBy(() -> Options.parse(new String[] {"--bogus"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.parse(new String[0], Map.of("LOCAL_STACK_TIMEOUT_SECONDS", "soon")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thenTakesTheNextArgumentAsOneCommandAndOnlyAfterTheSmokeChecks() {
        Options options = Options.parse(new String[] {"--smoke", "--then", "npm --prefix client run e2e"}, Map.of());
        assertThat(options.then()).isEqualTo("npm --prefix client run e2e");
        assertThat(Options.parse(new String[] {"--smoke"}, Map.of()).then()).isNull();

        assertThatThrownBy(() -> Options.parse(new String[] {"--smoke", "--then"}, Map.of()))
                .hasMessageContaining("--then needs a command");
        assertThatThrownBy(() -> Options.parse(new String[] {"--then", "true"}, Map.of()))
                .hasMessageContaining("use it with --smoke");
    }

    @Test
    void theRepositoryRootIsTheNearestDirectoryWithMvnw(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("mvnw"));
        Path module = Files.createDirectories(dir.resolve("infra/local-stack/target"));

        StackLayout layout = StackLayout.locate(module, null);

        assertThat(layout.root()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(layout.logFile(ServiceSpec.DISCOVERY))
                .isEqualTo(layout.root().resolve(".local-stack/logs/discovery-server.log"));
        assertThat(ServiceSpec.APPLICATIONS.get(0).jar(layout.root()))
                .isEqualTo(layout.root().resolve("crm-service/target/crm-service.jar"));
        assertThat(ServiceSpec.databases())
                .isEqualTo(List.of("crm", "telephony", "tasks", "billing", "timeline", "notification"));
    }
}
