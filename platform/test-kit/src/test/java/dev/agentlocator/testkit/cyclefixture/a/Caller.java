package dev.agentlocator.testkit.cyclefixture.a;

import dev.agentlocator.testkit.cyclefixture.b.Callee;

/** Half of a deliberate loop between two packages, for {@code PackageCyclesTest}. */
public class Caller {

    public Callee callee() {
        return new Callee();
    }
}
