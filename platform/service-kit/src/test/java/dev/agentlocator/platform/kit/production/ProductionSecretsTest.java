package dev.agentlocator.platform.kit.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentlocator.platform.kit.KitTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class ProductionSecretsTest {

    private static final String SECRET = "a-production-secret-of-at-least-32-bytes";

    @Test
    void aServiceStartedInProductionWithoutItsDatabasePasswordStopsNamingIt(CapturedOutput output) {
        // Command-line arguments outrank the machine's environment, so a DATABASE_PASSWORD set there
        // cannot hide the missing one.
        assertThatThrownBy(() -> start(
                        "--APP_ENV=production",
                        "--DATABASE_PASSWORD=",
                        "--agentlocator.production.required-secrets.push=VAPID_PUBLIC_KEY",
                        "--VAPID_PUBLIC_KEY=" + SECRET))
                .isInstanceOf(MissingProductionSecretsException.class)
                .hasMessageStartingWith("Missing required secret(s) for production: DATABASE_PASSWORD;")
                .hasMessageNotContaining("VAPID_PUBLIC_KEY");

        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("Missing required secret(s) for production: DATABASE_PASSWORD")
                .contains("Set DATABASE_PASSWORD in the service's environment");
    }

    @Test
    void everyMissingSecretIsNamedAtOnceIncludingTheServicesOwn() {
        assertThatThrownBy(() -> start(
                        "--APP_ENV=production",
                        "--DATABASE_PASSWORD= ",
                        "--agentlocator.production.required-secrets.push=VAPID_PUBLIC_KEY,VAPID_PRIVATE_KEY",
                        "--VAPID_PUBLIC_KEY=public"))
                .isInstanceOfSatisfying(
                        MissingProductionSecretsException.class,
                        e -> assertThat(e.missing()).containsExactly("DATABASE_PASSWORD", "VAPID_PRIVATE_KEY"))
                .hasMessageStartingWith(
                        "Missing required secret(s) for production: DATABASE_PASSWORD, VAPID_PRIVATE_KEY;");
    }

    @Test
    void productionWithEverySecretSetPasses() {
        var environment = production()
                .withProperty("DATABASE_PASSWORD", SECRET)
                .withProperty(ProductionSecrets.PROPERTY + ".push", "VAPID_PUBLIC_KEY")
                .withProperty("VAPID_PUBLIC_KEY", "key");

        assertThatCode(() -> ProductionSecrets.check(environment)).doesNotThrowAnyException();
    }

    @Test
    void outsideProductionNothingIsRequired() {
        var environment = new MockEnvironment()
                .withProperty("APP_ENV", "development")
                .withProperty(ProductionSecrets.PROPERTY + ".kit", "DATABASE_PASSWORD");

        assertThatCode(() -> ProductionSecrets.check(environment)).doesNotThrowAnyException();
    }

    @Test
    void aGroupSetToEmptyIsDropped() {
        var environment = production().withProperty(ProductionSecrets.PROPERTY + ".kit", "");

        assertThat(ProductionSecrets.required(environment)).isEmpty();
        assertThatCode(() -> ProductionSecrets.check(environment)).doesNotThrowAnyException();
    }

    private static MockEnvironment production() {
        return new MockEnvironment()
                .withProperty("APP_ENV", "production")
                .withProperty(ProductionSecrets.PROPERTY + ".kit", "DATABASE_PASSWORD");
    }

    /** Starts the kit's test service as a service starts: the kit's defaults, auto-configuration. */
    private static void start(String... args) {
        new SpringApplicationBuilder(KitTestApplication.class)
                .web(WebApplicationType.NONE)
                .run(args)
                .close();
    }
}
