package dev.agentlocator.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.localstack.ServiceSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildEnvironmentTest {

    private static final Map<String, String> URLS = Map.of(
            "crm", "jdbc:postgresql://127.0.0.1:5432/crm",
            "tasks", "jdbc:postgresql://127.0.0.1:5432/tasks");
    private static final VapidKeyPair VAPID = new VapidKeyPair("public-key", "private-key");
    private static final EncryptionKeys KEYS = new EncryptionKeys("billing-key", "telephony-key");
    private static final TokenKeys TOKENS = new TokenKeys("{\"keys\":[]}", "telephony-secret");
    private static final RegistryCredentials REGISTRY =
            new RegistryCredentials("eureka", "0123456789abcdef0123456789abcdef", true);

    @Test
    void aServiceGetsItsPortItsOwnDatabaseAndTheSharedWiring() {
        Map<String, String> parent = Map.of("PATH", "/usr/bin", "EUREKA_CLIENT_REGISTRYFETCHINTERVALSECONDS", "30");
        var shared = ChildEnvironment.Shared.from(
                parent, "127.0.0.1:9092", URLS, "postgres", "", REGISTRY, TOKENS, VAPID, KEYS);
        ServiceSpec crm = ServiceSpec.APPLICATIONS.get(0);

        Map<String, String> env = ChildEnvironment.of(crm, parent, shared);

        assertThat(env)
                .containsEntry("PATH", "/usr/bin")
                .containsEntry("SERVER_PORT", "8081")
                .containsEntry("CRM_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/crm")
                .doesNotContainKey("TASKS_DATABASE_URL")
                .containsEntry("DATABASE_USERNAME", "postgres")
                .containsEntry("DATABASE_PASSWORD", "")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("EUREKA_URL", "http://eureka:0123456789abcdef0123456789abcdef@127.0.0.1:8761/eureka")
                .containsEntry("TOKEN_SIGNING_KEYS", "{\"keys\":[]}")
                .containsEntry("TELEPHONY_CLIENT_SECRET", "telephony-secret")
                .containsEntry("APP_ENV", "development")
                .containsEntry("CORS_ORIGINS", "http://localhost:5173")
                .containsEntry("TWILIO_TOKEN", ChildEnvironment.DEV_TWILIO_TOKEN)
                .containsEntry("VAPID_PUBLIC_KEY", "public-key")
                .containsEntry("VAPID_PRIVATE_KEY", "private-key")
                .containsEntry("BILLING_TOKEN_ENCRYPTION_KEY", "billing-key")
                .containsEntry("TELEPHONY_CREDENTIALS_KEY", "telephony-key")
                .containsEntry("EUREKA_INSTANCE_PREFERIPADDRESS", "true")
                // the user's environment wins over the development defaults
                .containsEntry("EUREKA_CLIENT_REGISTRYFETCHINTERVALSECONDS", "30");
    }

    @Test
    void configuredSecretsAndSettingsArePassedOnAndTheStackWiringWins() {
        Map<String, String> parent = Map.of(
                "TOKEN_SIGNING_KEYS", "the user's own keys, for crm-service only",
                "APP_ENV", "staging",
                "CORS_ORIGINS", "https://app.example",
                "SERVER_PORT", "1234");
        var shared = ChildEnvironment.Shared.from(
                parent, "broker:9092", URLS, "app", "secret", REGISTRY, TOKENS, VAPID, KEYS);
        ServiceSpec gateway = ServiceSpec.APPLICATIONS.get(ServiceSpec.APPLICATIONS.size() - 1);

        Map<String, String> env = ChildEnvironment.of(gateway, parent, shared);

        assertThat(env)
                .containsEntry("SERVER_PORT", "8080")
                .as("no process but crm-service holds a key that signs tokens (ADR 0021)")
                .doesNotContainKeys("TOKEN_SIGNING_KEYS", "TELEPHONY_CLIENT_SECRET")
                .containsEntry("APP_ENV", "staging")
                .containsEntry("CORS_ORIGINS", "https://app.example")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "broker:9092")
                .doesNotContainKey("CRM_DATABASE_URL");
    }

    @Test
    void telephonyGetsItsClientSecretButNoSigningKey() {
        var shared = ChildEnvironment.Shared.from(
                Map.of(),
                "broker:9092",
                Map.of("telephony", "jdbc:postgresql://127.0.0.1:5432/telephony"),
                "app",
                "secret",
                REGISTRY,
                TOKENS,
                VAPID,
                KEYS);
        ServiceSpec telephony = ServiceSpec.APPLICATIONS.stream()
                .filter(spec -> spec.name().equals("telephony-service"))
                .findFirst()
                .orElseThrow();

        assertThat(ChildEnvironment.of(telephony, Map.of(), shared))
                .containsEntry("TELEPHONY_CLIENT_SECRET", "telephony-secret")
                .doesNotContainKey("TOKEN_SIGNING_KEYS");
    }

    @Test
    void theDevelopmentTwilioTokenIsNeverPairedWithARealAccount() {
        var withAccount = ChildEnvironment.Shared.from(
                Map.of("TWILIO_SID", "AC0123456789"),
                "broker:9092",
                URLS,
                "app",
                "secret",
                REGISTRY,
                TOKENS,
                VAPID,
                KEYS);
        assertThat(withAccount.twilioToken()).isNull();
        assertThat(ChildEnvironment.of(
                        ServiceSpec.APPLICATIONS.get(0), Map.of("TWILIO_SID", "AC0123456789"), withAccount))
                .doesNotContainKey("TWILIO_TOKEN");

        var ownToken = ChildEnvironment.Shared.from(
                Map.of("TWILIO_SID", "AC0123456789", "TWILIO_TOKEN", "real"),
                "broker:9092",
                URLS,
                "app",
                "secret",
                REGISTRY,
                TOKENS,
                VAPID,
                KEYS);
        assertThat(ownToken.twilioToken()).isEqualTo("real");
    }

    @Test
    void eurekaGetsTheAccountTheServicesUseInTheirUrl() {
        Map<String, String> env =
                ChildEnvironment.ofDiscovery(ServiceSpec.DISCOVERY, Map.of("PATH", "/usr/bin"), REGISTRY);

        assertThat(env)
                .containsEntry("SERVER_PORT", "8761")
                .containsEntry("APP_ENV", "development")
                .containsEntry("EUREKA_USERNAME", "eureka")
                .containsEntry("EUREKA_PASSWORD", "0123456789abcdef0123456789abcdef");
    }

    @Test
    void theUsersRegistryAccountIsUsedElseOneIsMadeUpForTheRun() {
        var own = RegistryCredentials.from(
                Map.of("EUREKA_USERNAME", "registry", "EUREKA_PASSWORD", "my-own-password-123"));
        assertThat(own).isEqualTo(new RegistryCredentials("registry", "my-own-password-123", false));
        assertThat(own.url()).isEqualTo("http://registry:my-own-password-123@127.0.0.1:8761/eureka");
        assertThat(own.authorization())
                .containsEntry("Authorization", "Basic cmVnaXN0cnk6bXktb3duLXBhc3N3b3JkLTEyMw==");

        var first = RegistryCredentials.from(Map.of());
        var second = RegistryCredentials.from(Map.of("EUREKA_PASSWORD", " "));
        assertThat(first.generated()).isTrue();
        assertThat(first.username()).isEqualTo("eureka");
        // what the discovery server accepts: at least 16 characters a URL carries as they are
        assertThat(first.password()).matches("[0-9a-f]{32}");
        assertThat(second.password()).matches("[0-9a-f]{32}").isNotEqualTo(first.password());
    }
}
