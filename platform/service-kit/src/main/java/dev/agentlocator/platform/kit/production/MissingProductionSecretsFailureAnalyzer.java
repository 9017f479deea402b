package dev.agentlocator.platform.kit.production;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the missing secrets as Boot's "APPLICATION FAILED TO START" report, without a stack trace. */
class MissingProductionSecretsFailureAnalyzer extends AbstractFailureAnalyzer<MissingProductionSecretsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingProductionSecretsException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set " + String.join(", ", cause.missing())
                        + " in the service's environment (docker compose: .env; Kubernetes: the"
                        + " agentlocator-secrets Secret). See docs/operations.md.",
                cause);
    }
}
