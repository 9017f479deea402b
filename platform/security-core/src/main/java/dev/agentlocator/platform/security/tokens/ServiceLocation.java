package dev.agentlocator.platform.security.tokens;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An address that may name a service instead of a host: {@code lb://crm-service/.well-known/jwks.json}
 * is resolved through the registry on every use (an instance may come and go); any other URI is
 * used as it is.
 */
public final class ServiceLocation {

    private static final String LB = "lb://";

    /**
     * @param instanceOf the origin ({@code http://10.0.0.7:8081}) of a live instance of a service,
     *     empty when none is registered
     */
    public static Supplier<URI> of(String uri, Function<String, Optional<URI>> instanceOf) {
        if (!uri.startsWith(LB)) {
            URI fixed = URI.create(uri);
            return () -> fixed;
        }
        String rest = uri.substring(LB.length());
        int slash = rest.indexOf('/');
        String service = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash);
        return () -> {
            URI origin = instanceOf
                    .apply(service)
                    .orElseThrow(() -> new IllegalStateException("no instance of " + service + " is registered"));
            String base = origin.toString();
            return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
        };
    }

    private ServiceLocation() {}
}
