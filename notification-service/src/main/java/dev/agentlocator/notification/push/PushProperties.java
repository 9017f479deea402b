package dev.agentlocator.notification.push;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param ttl how long a push service keeps an undelivered alert; a due alert older than this is
 *     no longer worth showing
 * @param timeout connect and request timeout towards a push service
 * @param allowedEndpoints origins of the push services browsers may subscribe with (see {@link
 *     PushEndpoints})
 */
@ConfigurationProperties("agentlocator.push")
public record PushProperties(
        @DefaultValue("1h") Duration ttl,
        @DefaultValue("5s") Duration timeout,
        List<String> allowedEndpoints) {

    public PushProperties {
        // application.yml holds the default list; a service without it must not push anywhere
        allowedEndpoints = allowedEndpoints == null ? List.of() : List.copyOf(allowedEndpoints);
    }
}
