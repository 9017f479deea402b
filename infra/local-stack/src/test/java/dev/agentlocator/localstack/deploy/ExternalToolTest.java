package dev.agentlocator.localstack.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.TestAbortedException;

/** The promise of ExternalTool: CI never skips a check for want of its tool; a developer is told what to install. */
class ExternalToolTest {

    static final ExternalTool MISSING = new ExternalTool("agentlocator-no-such-checker", "install it from nowhere");

    @Test
    void aMissingToolFailsTheBuildInCi(@TempDir Path emptyDirectory) {
        Map<String, String> ci = Map.of("PATH", emptyDirectory.toString(), "CI", "true");
        assertThatThrownBy(() -> MISSING.require(ci))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("agentlocator-no-such-checker is not installed")
                .hasMessageContaining("install it from nowhere")
                .hasMessageContaining("CI must not skip this check");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "false"})
    void aMissingToolSkipsOnADevelopersMachineSayingHowToInstallIt(String ci, @TempDir Path emptyDirectory) {
        Map<String, String> developer = Map.of("PATH", emptyDirectory.toString(), "CI", ci);
        assertThatThrownBy(() -> MISSING.require(developer))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("install it from nowhere")
                .hasMessageContaining("CI runs it");
    }

    @Test
    void anInstalledToolIsFoundOnThePath(@TempDir Path bin) throws Exception {
        Path tool = bin.resolve("agentlocator-no-such-checker");
        Files.writeString(tool, "#!/bin/sh\necho checked \"$@\"\n");
        assertThat(tool.toFile().setExecutable(true)).isTrue();
        assertThat(MISSING.require(Map.of("PATH", "/nonexistent:" + bin, "CI", "true")))
                .isEqualTo(tool);
    }
}
