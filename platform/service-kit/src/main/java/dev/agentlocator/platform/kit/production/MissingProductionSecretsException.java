package dev.agentlocator.platform.kit.production;

import java.util.List;

/** Start-up refused: {@code APP_ENV=production} and these required secrets are not set. */
public class MissingProductionSecretsException extends IllegalStateException {

    private final List<String> missing;

    public MissingProductionSecretsException(List<String> missing) {
        super("Missing required secret(s) for production: " + String.join(", ", missing)
                + "; refusing to start with APP_ENV=production");
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
