package dev.agentlocator.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** What the registry does with and without its password, by environment. */
class RegistryStartUpTest {

    @Test
    void inProductionItRefusesToStartWithoutAPasswordNamingTheSecret() {
        assertThatThrownBy(() -> start("APP_ENV=production", "EUREKA_PASSWORD="))
                .hasRootCauseInstanceOf(MissingRegistryPasswordException.class)
                .rootCause()
                .hasMessageContaining("EUREKA_PASSWORD")
                .hasMessageContaining("APP_ENV=production");
    }

    @Test
    void aPasswordAUrlCannotCarryOrTooShortIsRefused() {
        assertThatThrownBy(() -> start("EUREKA_PASSWORD=short"))
                .rootCause()
                .hasMessageContaining("EUREKA_PASSWORD must be at least 16 characters");
        assertThatThrownBy(() -> start("EUREKA_PASSWORD=a-long-password-with/slash@and:colon"))
                .rootCause()
                .hasMessageContaining("openssl rand -hex 32");
    }

    @Test
    void inDevelopmentWithoutAPasswordTheRegistryIsStillClosed() throws Exception {
        try (var registry = start("EUREKA_PASSWORD=")) {
            int port = ((WebServerApplicationContext) registry).getWebServer().getPort();
            HttpResponse<String> apps = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/eureka/apps"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(apps.statusCode()).isEqualTo(401);
        }
    }

    private static org.springframework.context.ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(DiscoveryServerApplication.class)
                .properties("SERVER_PORT=0", "spring.main.banner-mode=off")
                .properties(properties)
                .run();
    }
}
