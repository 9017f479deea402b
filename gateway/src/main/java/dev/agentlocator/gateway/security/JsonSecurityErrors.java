package dev.agentlocator.gateway.security;

import dev.agentlocator.gateway.errors.GatewayError;
import dev.agentlocator.gateway.errors.JsonErrorWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 and 403 in the suite's JSON shape instead of Spring Security's empty bodies. */
@Component
class JsonSecurityErrors implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final JsonErrorWriter writer;

    JsonSecurityErrors(JsonErrorWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        // A token that was sent but refused (expired, forged) means "sign in again", not "sign in".
        GatewayError error =
                ex instanceof OAuth2AuthenticationException ? GatewayError.INVALID_TOKEN : GatewayError.UNAUTHORIZED;
        return writer.write(exchange.getResponse(), error);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return writer.write(exchange.getResponse(), GatewayError.FORBIDDEN);
    }
}
