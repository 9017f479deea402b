package dev.agentlocator.discovery;

/** Start-up refused: {@code APP_ENV=production} and no {@code EUREKA_PASSWORD}, so the registry would be open. */
class MissingRegistryPasswordException extends IllegalStateException {

    static final String SECRET = "EUREKA_PASSWORD";

    MissingRegistryPasswordException() {
        // The service kit's wording (ProductionSecrets), so operators read one kind of message.
        super("Missing required secret(s) for production: " + SECRET + "; refusing to start with APP_ENV=production");
    }
}
