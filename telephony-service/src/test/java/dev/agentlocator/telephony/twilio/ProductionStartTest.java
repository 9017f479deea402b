package dev.agentlocator.telephony.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.agentlocator.platform.kit.production.MissingProductionSecretsException;
import dev.agentlocator.telephony.TelephonyApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * In production the public URL is never guessed from request headers, and the credentials key never
 * made up: telephony-service refuses to start without {@code TELEPHONY_PUBLIC_URL} or
 * {@code TELEPHONY_CREDENTIALS_KEY}, naming it, before it connects anywhere.
 */
class ProductionStartTest {

    @Test
    void withoutThePublicUrlProductionStartUpStopsNamingIt() {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(TelephonyApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--APP_ENV=production",
                        "--TELEPHONY_CLIENT_SECRET=set",
                        "--TELEPHONY_CREDENTIALS_KEY=set",
                        "--DATABASE_PASSWORD=set",
                        "--TWILIO_SID=AC0123456789abcdef0123456789abcdef",
                        "--TWILIO_TOKEN=set",
                        "--WHATSAPP_DEVICE=+14155238886",
                        "--OPENAI_API_KEY=set",
                        "--TELEPHONY_PUBLIC_URL=",
                        "--spring.main.banner-mode=off",
                        "--eureka.client.enabled=false"));

        Throwable cause = failure;
        while (cause != null && !(cause instanceof MissingProductionSecretsException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("start-up failure: %s", failure).isInstanceOf(MissingProductionSecretsException.class);
        assertThat(((MissingProductionSecretsException) cause).missing()).containsExactly("TELEPHONY_PUBLIC_URL");
    }

    /** ADR 0032: the tenants' own Twilio credentials are never stored under a key made up at start-up. */
    @Test
    void withoutTheCredentialsKeyProductionStartUpStopsNamingIt() {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(TelephonyApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--APP_ENV=production",
                        "--TELEPHONY_CLIENT_SECRET=set",
                        "--TELEPHONY_CREDENTIALS_KEY=",
                        "--DATABASE_PASSWORD=set",
                        "--TWILIO_SID=AC0123456789abcdef0123456789abcdef",
                        "--TWILIO_TOKEN=set",
                        "--WHATSAPP_DEVICE=+14155238886",
                        "--OPENAI_API_KEY=set",
                        "--TELEPHONY_PUBLIC_URL=https://app.example.com",
                        "--spring.main.banner-mode=off",
                        "--eureka.client.enabled=false"));

        Throwable cause = failure;
        while (cause != null && !(cause instanceof MissingProductionSecretsException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("start-up failure: %s", failure).isInstanceOf(MissingProductionSecretsException.class);
        assertThat(((MissingProductionSecretsException) cause).missing()).containsExactly("TELEPHONY_CREDENTIALS_KEY");
    }
}
