package dev.agentlocator.gateway.security;

import dev.agentlocator.gateway.correlation.CorrelationId;
import dev.agentlocator.gateway.errors.GatewayError;
import dev.agentlocator.gateway.errors.JsonErrorWriter;
import dev.agentlocator.platform.security.CanonicalPath;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses, with 400 JSON, every request whose path is not in canonical form (see {@link
 * CanonicalPath}), before security, routing and the web client see it. Everything after this
 * filter matches on decoded paths while some checks downstream compare strings, and only a path
 * that has one spelling keeps the two views the same. A path Spring cannot parse at all (a raw
 * backslash, a broken {@code %}) never gets here: the server answers those 400 itself.
 */
@Component
class CanonicalPathFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(CanonicalPathFilter.class);

    private final JsonErrorWriter errors;

    CanonicalPathFilter(JsonErrorWriter errors) {
        this.errors = errors;
    }

    /** Right after the correlation id, so the refusal is logged with one; long before security (-100). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String rawPath = exchange.getRequest().getURI().getRawPath();
        Optional<String> problem = CanonicalPath.problem(rawPath);
        if (problem.isEmpty()) {
            return chain.filter(exchange);
        }
        CorrelationId.withMdc(
                exchange,
                () -> log.info(
                        "Refused {} {}: non-canonical path, {}",
                        exchange.getRequest().getMethod(),
                        printable(rawPath),
                        problem.get()));
        return errors.write(exchange.getResponse(), GatewayError.NON_CANONICAL_PATH);
    }

    /** The path as a log line can hold it: no control characters, not endless. */
    private static String printable(String path) {
        String visible = path == null ? "(none)" : path.replaceAll("\\p{Cntrl}", "?");
        return visible.length() > 200 ? visible.substring(0, 200) + "…" : visible;
    }
}
