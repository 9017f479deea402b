package dev.agentlocator.localstack.process;

import dev.agentlocator.localstack.ServiceSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment of a child: the launcher's own environment, plus the stack's wiring (port,
 * database, broker, registry, secrets), plus a few development defaults the user's environment
 * may override.
 */
public final class ChildEnvironment {

    /**
     * Lets a developer (and the smoke checks) sign webhooks to simulate Twilio locally. Only when no
     * Twilio account is configured: without TWILIO_SID nothing is ever sent, so this token can never
     * reach Twilio.
     */
    public static final String DEV_TWILIO_TOKEN = "local-development-twilio-auth-token";

    /** The platform admin crm-service creates for the local stack (ADR 0026), unless the user sets one. */
    public static final String ADMIN_EMAIL = "admin@agentlocator.dev";

    public static final String ADMIN_PASSWORD = "admin1234!";

    /**
     * Local-stack conveniences: register by 127.0.0.1 (no dependence on the host name resolving),
     * heartbeat often and expire quickly so a stopped service disappears in seconds, and let the
     * gateway see new instances within 5 s instead of 30-35 s.
     */
    static final Map<String, String> DEVELOPMENT_DEFAULTS = Map.of(
            "EUREKA_INSTANCE_PREFERIPADDRESS", "true",
            "EUREKA_INSTANCE_IPADDRESS", "127.0.0.1",
            "EUREKA_INSTANCE_LEASERENEWALINTERVALINSECONDS", "5",
            "EUREKA_INSTANCE_LEASEEXPIRATIONDURATIONINSECONDS", "15",
            "EUREKA_CLIENT_REGISTRYFETCHINTERVALSECONDS", "5",
            "SPRING_CLOUD_LOADBALANCER_CACHE_TTL", "5s",
            // crm-service creates the demo tenant; it refuses to whenever APP_ENV=production
            "DEMO_SEED", "true",
            // the operators' login: /api/admin/** and the API documents through the gateway
            "PLATFORM_ADMIN_EMAIL", ADMIN_EMAIL,
            "PLATFORM_ADMIN_PASSWORD", ADMIN_PASSWORD);

    /** The line the launcher prints with the demo login: the platform admin's, as configured. */
    public static String adminLoginLine(Map<String, String> parent) {
        String email = parent.getOrDefault("PLATFORM_ADMIN_EMAIL", "");
        if (email.isBlank()) {
            return "Platform admin (operators, /api/admin/**, /api/docs/ui): " + ADMIN_EMAIL + " / " + ADMIN_PASSWORD;
        }
        return "Platform admin (operators, /api/admin/**, /api/docs/ui): " + email + " / (PLATFORM_ADMIN_PASSWORD)";
    }

    /**
     * What every child shares.
     *
     * @param databaseUrls JDBC URL by database name ({@code crm}, {@code tasks}, ...)
     */
    public record Shared(
            String kafkaBootstrapServers,
            Map<String, String> databaseUrls,
            String databaseUsername,
            String databasePassword,
            RegistryCredentials registry,
            TokenKeys tokenKeys,
            String appEnv,
            String corsOrigins,
            VapidKeyPair vapid,
            EncryptionKeys encryptionKeys,
            String twilioToken) {

        /** APP_ENV and CORS origins from {@code env}, else their development defaults. */
        public static Shared from(
                Map<String, String> env,
                String kafkaBootstrapServers,
                Map<String, String> databaseUrls,
                String databaseUsername,
                String databasePassword,
                RegistryCredentials registry,
                TokenKeys tokenKeys,
                VapidKeyPair vapid,
                EncryptionKeys encryptionKeys) {
            return new Shared(
                    kafkaBootstrapServers,
                    Map.copyOf(databaseUrls),
                    databaseUsername,
                    databasePassword,
                    registry,
                    tokenKeys,
                    orDefault(env, "APP_ENV", "development"),
                    orDefault(env, "CORS_ORIGINS", "http://localhost:5173"),
                    vapid,
                    encryptionKeys,
                    isBlank(env.get("TWILIO_SID"))
                            ? orDefault(env, "TWILIO_TOKEN", DEV_TWILIO_TOKEN)
                            : env.get("TWILIO_TOKEN"));
        }
    }

    private ChildEnvironment() {}

    public static Map<String, String> of(ServiceSpec spec, Map<String, String> parent, Shared shared) {
        Map<String, String> env = new LinkedHashMap<>();
        DEVELOPMENT_DEFAULTS.forEach(env::put);
        env.putAll(parent);
        env.put("SERVER_PORT", String.valueOf(spec.port()));
        spec.databaseUrlVariable().ifPresent(variable -> {
            String url = shared.databaseUrls().get(spec.database());
            if (url == null) {
                throw new IllegalStateException("No database URL for " + spec.database());
            }
            env.put(variable, url);
        });
        env.put("DATABASE_USERNAME", shared.databaseUsername());
        env.put("DATABASE_PASSWORD", shared.databasePassword());
        env.put("KAFKA_BOOTSTRAP_SERVERS", shared.kafkaBootstrapServers());
        env.put("EUREKA_URL", shared.registry().url());
        // crm-service alone signs tokens (ADR 0021); the others fetch its public keys through Eureka
        env.remove(TokenKeys.KEYS_VARIABLE);
        env.remove(TokenKeys.CLIENT_SECRET_VARIABLE);
        if (spec.name().equals("crm-service")) {
            env.put(TokenKeys.KEYS_VARIABLE, shared.tokenKeys().signingKeys());
        }
        if (spec.name().equals("crm-service") || spec.name().equals("telephony-service")) {
            env.put(TokenKeys.CLIENT_SECRET_VARIABLE, shared.tokenKeys().telephonyClientSecret());
        }
        env.put("APP_ENV", shared.appEnv());
        if (spec.name().equals("telephony-service") && !"production".equalsIgnoreCase(shared.appEnv())) {
            // Lets a browser test move telephony's clock past WhatsApp's 24-hour window (ADR 0029).
            env.putIfAbsent("TELEPHONY_DEV_TOOLS", "true");
        }
        env.put("CORS_ORIGINS", shared.corsOrigins());
        env.put("VAPID_PUBLIC_KEY", shared.vapid().publicKey());
        env.put("VAPID_PRIVATE_KEY", shared.vapid().privateKey());
        env.put(EncryptionKeys.BILLING, shared.encryptionKeys().billing());
        env.put(EncryptionKeys.TELEPHONY_CREDENTIALS, shared.encryptionKeys().telephonyCredentials());
        if (shared.twilioToken() != null) {
            env.put("TWILIO_TOKEN", shared.twilioToken());
        }
        return env;
    }

    /**
     * Eureka needs neither broker nor database: it starts before them, with its port, APP_ENV and
     * the account every client uses.
     */
    public static Map<String, String> ofDiscovery(
            ServiceSpec spec, Map<String, String> parent, RegistryCredentials registry) {
        Map<String, String> env = new LinkedHashMap<>(parent);
        env.put("SERVER_PORT", String.valueOf(spec.port()));
        env.put("APP_ENV", orDefault(parent, "APP_ENV", "development"));
        env.putAll(registry.asEnvironment());
        return env;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String orDefault(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
