package dev.agentlocator.localstack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A service never imports another service's code (ARCHITECTURE.md): what they share is platform/*
 * and the event contracts. Runs last in the reactor, over every module's compiled classes.
 */
class ServiceBoundariesTest {

    /** Module directory → its root package. */
    private static final Map<String, String> DEPLOYABLES = Map.of(
            "crm-service", "dev.agentlocator.crm",
            "telephony-service", "dev.agentlocator.telephony",
            "tasks-service", "dev.agentlocator.tasks",
            "billing-service", "dev.agentlocator.billing",
            "timeline-service", "dev.agentlocator.timeline",
            "notification-service", "dev.agentlocator.notification",
            "gateway", "dev.agentlocator.gateway",
            "infra/discovery-server", "dev.agentlocator.discovery");

    private static JavaClasses classes;

    @BeforeAll
    static void importEveryModule() {
        Path root = repositoryRoot();
        Path[] dirs = Stream.concat(
                        DEPLOYABLES.keySet().stream(),
                        Stream.of(
                                "platform/security-core",
                                "platform/events",
                                "platform/service-kit",
                                "platform/test-kit"))
                .map(module -> root.resolve(module).resolve("target/classes"))
                .toArray(Path[]::new);
        for (Path dir : dirs) {
            assertThat(dir)
                    .as("compiled classes of %s (build the reactor first)", dir)
                    .isDirectory();
        }
        classes = new ClassFileImporter().importPaths(dirs);
    }

    static Stream<String> deployables() {
        return DEPLOYABLES.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("deployables")
    void aDeployableNeverUsesAnotherDeployablesCode(String module) {
        String own = DEPLOYABLES.get(module);
        String[] others = DEPLOYABLES.values().stream()
                .filter(pkg -> !pkg.equals(own))
                .map(pkg -> pkg + "..")
                .toArray(String[]::new);

        assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith(own)))
                .as("%s has classes to check", module)
                .isTrue();
        noClasses()
                .that()
                .resideInAPackage(own + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .check(classes);
    }

    @ParameterizedTest
    @MethodSource("deployables")
    void platformCodeNeverDependsOnADeployable(String module) {
        noClasses()
                .that()
                .resideInAPackage("dev.agentlocator.platform..")
                .or()
                .resideInAPackage("dev.agentlocator.testkit..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(DEPLOYABLES.get(module) + "..")
                .check(classes);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root (the directory holding mvnw)").isNotNull();
        return dir;
    }
}
