package dev.agentlocator.platform.kit.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMTP relay the suite's mail leaves through (ADR 0031), from the {@code SMTP_*} variables.
 *
 * @param host the relay's host name ({@code SMTP_HOST}); blank: mail is only logged (development)
 * @param port its port ({@code SMTP_PORT})
 * @param username the relay's login ({@code SMTP_USERNAME}); blank: no authentication
 * @param password its password ({@code SMTP_PASSWORD})
 * @param from the sender, e.g. {@code AgentLocator <noreply@example.co.il>} ({@code SMTP_FROM}); its
 *     domain is the one the relay signs for (DKIM) and the one in every Message-ID
 * @param security {@code starttls} (required upgrade, port 587), {@code tls} (implicit TLS, port
 *     465) or {@code none} (a local catcher only) ({@code SMTP_SECURITY})
 * @param timeout connect, read and write timeout
 */
@ConfigurationProperties("agentlocator.mail")
public record MailProperties(
        @DefaultValue("") String host,
        @DefaultValue("587") int port,
        @DefaultValue("") String username,
        @DefaultValue("") String password,

        @DefaultValue("AgentLocator <noreply@agentlocator.dev>")
        String from,

        @DefaultValue("starttls") String security,
        @DefaultValue("10s") Duration timeout) {

    public boolean configured() {
        return host != null && !host.isBlank();
    }
}
