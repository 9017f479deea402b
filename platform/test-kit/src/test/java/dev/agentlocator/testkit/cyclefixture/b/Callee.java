package dev.agentlocator.testkit.cyclefixture.b;

import dev.agentlocator.testkit.cyclefixture.a.Caller;

/** The other half of the loop: it calls back up. */
public class Callee {

    public Caller caller() {
        return new Caller();
    }
}
