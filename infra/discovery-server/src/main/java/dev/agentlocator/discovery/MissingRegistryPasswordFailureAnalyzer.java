package dev.agentlocator.discovery;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the missing registry password as Boot's "APPLICATION FAILED TO START" report, without a stack trace. */
class MissingRegistryPasswordFailureAnalyzer extends AbstractFailureAnalyzer<MissingRegistryPasswordException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingRegistryPasswordException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set " + MissingRegistryPasswordException.SECRET
                        + " in the discovery server's environment (docker compose: .env; Kubernetes: the"
                        + " agentlocator-secrets Secret), and the same credentials in every client's EUREKA_URL."
                        + " See docs/operations.md.",
                cause);
    }
}
