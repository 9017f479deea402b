package dev.agentlocator.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class PackageCyclesTest {

    private static final String FIXTURE = "dev.agentlocator.testkit.cyclefixture";

    @Test
    void theTestKitsOwnPackagesAreFreeOfCycles() {
        PackageCycles.assertFreeOfCycles("dev.agentlocator.testkit");
    }

    @Test
    void aLoopBetweenTwoPackagesFailsNamingBoth() {
        var fixture = new ClassFileImporter().importPackages(FIXTURE);

        assertThatThrownBy(() -> PackageCycles.check(FIXTURE, fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected: a ->")
                .hasMessageContaining("Dependencies of b");
    }

    @Test
    void aRootWithoutPackagesIsAMistakeNotAPass() {
        assertThatThrownBy(() -> PackageCycles.assertFreeOfCycles("dev.agentlocator.nosuchmodule"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("below dev.agentlocator.nosuchmodule");
    }
}
