package dev.agentlocator.crm.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param accessTokenTtl lifetime of an access token; short, because services cannot revoke it
 * @param refreshTokenTtl lifetime of a refresh token family member
 * @param maxLoginFailures failed logins at one account from one client address within {@code
 *     failureWindow} after which that address's further attempts at that account get 429
 * @param maxLoginFailuresPerAddress failed logins from one client address, whatever the account,
 *     within {@code failureWindow} after which every attempt from that address gets 429
 * @param failureWindow how far back failed logins count
 */
@ConfigurationProperties("agentlocator.auth")
public record AuthProperties(
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("5") int maxLoginFailures,
        @DefaultValue("20") int maxLoginFailuresPerAddress,
        @DefaultValue("15m") Duration failureWindow) {}
