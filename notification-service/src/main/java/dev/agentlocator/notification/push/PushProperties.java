package dev.agentlocator.notification.push;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param ttl how long a push service keeps an undelivered alert; a due alert older than this is
 *     no longer worth showing
 * @param timeout connect and request timeout towards a push service
 * @param allowLoopbackHttp accept {@code http://127.0.0.1} endpoints (tests stand in for the push
 *     service locally); real push services are always https
 */
@ConfigurationProperties("agentlocator.push")
public record PushProperties(
        @DefaultValue("1h") Duration ttl,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("false") boolean allowLoopbackHttp) {}
