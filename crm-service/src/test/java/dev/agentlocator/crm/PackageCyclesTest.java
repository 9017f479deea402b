package dev.agentlocator.crm;

import dev.agentlocator.testkit.PackageCycles;
import org.junit.jupiter.api.Test;

/** ADR 0022: this module's packages never depend on each other in a loop. */
class PackageCyclesTest {

    @Test
    void packagesAreFreeOfCycles() {
        PackageCycles.assertFreeOfCycles("dev.agentlocator.crm");
    }
}
