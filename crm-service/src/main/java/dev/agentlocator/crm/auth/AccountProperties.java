package dev.agentlocator.crm.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mailed links of self-service accounts (ADR 0031).
 *
 * @param publicUrl the web client's public origin the links open ({@code APP_PUBLIC_URL})
 * @param verifyEmailTtl how long an email verification (or email change) link works
 * @param resetPasswordTtl how long a password reset link works
 * @param invitationTtl how long an invitation link works
 */
@ConfigurationProperties("agentlocator.accounts")
public record AccountProperties(
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("48h") Duration verifyEmailTtl,
        @DefaultValue("1h") Duration resetPasswordTtl,
        @DefaultValue("7d") Duration invitationTtl) {

    String link(String path, String token) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + path + "?token=" + token;
    }
}
