package dev.agentlocator.gateway.limits;

import dev.agentlocator.gateway.errors.GatewayError;
import dev.agentlocator.gateway.errors.JsonErrorWriter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a body declared larger than any service accepts with 413 JSON, here at the edge. Left to
 * the service, the service answers 413 and closes the connection while the gateway is still
 * sending the body, and the caller would see the gateway's 500 for a request that was simply too
 * big. A chunked body without a length goes on and is cut off by the service's own cap.
 */
@Component
class RequestSizeFilter implements WebFilter, Ordered {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final RequestSizeProperties properties;
    private final JsonErrorWriter errors;

    RequestSizeFilter(RequestSizeProperties properties, JsonErrorWriter errors) {
        this.properties = properties;
        this.errors = errors;
    }

    /** Right after the correlation id and the path check, so the refusal is logged with an id. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        long limit = properties.largeBodyPaths().stream().anyMatch(pattern -> PATHS.match(pattern, path))
                ? properties.maxLargeBody().toBytes()
                : properties.maxBody().toBytes();
        if (length > limit) {
            return errors.write(exchange.getResponse(), GatewayError.PAYLOAD_TOO_LARGE);
        }
        return chain.filter(exchange);
    }
}
