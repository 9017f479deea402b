package dev.agentlocator.crm.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.agentlocator.crm.CrmApplication;
import dev.agentlocator.platform.kit.production.MissingProductionSecretsException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** In production crm-service does not start without its mail relay, naming what is missing (ADR 0031). */
class ProductionMailStartTest {

    @Test
    void withoutTheSmtpRelayProductionStartUpStopsNamingEveryMissingVariable() {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(CrmApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--APP_ENV=production",
                        "--DATABASE_PASSWORD=set",
                        "--TOKEN_SIGNING_KEYS=set",
                        "--TELEPHONY_CLIENT_SECRET=set",
                        "--PLATFORM_ADMIN_EMAIL=ops@example.test",
                        "--PLATFORM_ADMIN_PASSWORD=set",
                        "--SMTP_HOST=",
                        "--SMTP_PORT=587",
                        "--SMTP_USERNAME=mailer",
                        "--SMTP_PASSWORD=",
                        "--SMTP_FROM=AgentLocator <noreply@example.test>",
                        "--APP_PUBLIC_URL=https://app.example.test",
                        "--spring.main.banner-mode=off",
                        "--eureka.client.enabled=false"));

        Throwable cause = failure;
        while (cause != null && !(cause instanceof MissingProductionSecretsException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("start-up failure: %s", failure).isInstanceOf(MissingProductionSecretsException.class);
        assertThat(((MissingProductionSecretsException) cause).missing()).containsExactly("SMTP_HOST", "SMTP_PASSWORD");
    }
}
