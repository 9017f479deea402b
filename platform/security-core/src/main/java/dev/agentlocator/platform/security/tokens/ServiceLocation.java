package dev.agentlocator.platform.security.tokens;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
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
     * @param instancesOf the origins ({@code http://10.0.0.7:8081}) of a service's live instances, as
     *     the registry lists them; each use picks one at random
     */
    public static Supplier<URI> of(String uri, Function<String, List<URI>> instancesOf) {
        if (!uri.startsWith(LB)) {
            URI fixed = URI.create(uri);
            return () -> fixed;
        }
        String rest = uri.substring(LB.length());
        int slash = rest.indexOf('/');
        String service = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash);
        return () -> {
            List<URI> instances = instancesOf.apply(service);
            if (instances.isEmpty()) {
                throw new IllegalStateException("no instance of " + service + " is registered");
            }
            String base = instances
                    .get(ThreadLocalRandom.current().nextInt(instances.size()))
                    .toString();
            return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
        };
    }

    private ServiceLocation() {}
}
