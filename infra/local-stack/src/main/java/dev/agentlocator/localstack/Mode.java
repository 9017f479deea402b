package dev.agentlocator.localstack;

/** What the launcher does once the whole stack is ready. */
public enum Mode {
    /** Stay in the foreground until Ctrl-C or until a child dies. */
    RUN,
    /** Run the stack checks, print PASS/FAIL per check and exit 0 or 1. */
    SMOKE,
    /** Print time-to-ready and total RSS as one machine-readable line and exit. */
    MEASURE
}
