package dev.agentlocator.gateway.spa;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import dev.agentlocator.gateway.routing.ServerPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class SpaConfiguration {

    /** Every GET the services do not own; router functions are consulted before the gateway's routes. */
    @Bean
    RouterFunction<ServerResponse> spaRoutes(SpaHandler handler) {
        return RouterFunctions.route(
                GET("/**")
                        .and(request ->
                                !ServerPaths.isServerPath(request.requestPath().pathWithinApplication())),
                handler::serve);
    }
}
