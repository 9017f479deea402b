package dev.agentlocator.gateway.docs;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/docs/**}: the services' OpenAPI documents and the Swagger UI, unless they are off. */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    @Bean
    @ConditionalOnExpression("'${agentlocator.api-docs.access:}'.trim().toLowerCase() != 'off'")
    RouterFunction<ServerResponse> apiDocsRoutes(
            DiscoveryClient discovery,
            JsonMapper json,
            @Value("${agentlocator.api-docs.swagger-ui-version}") String swaggerUiVersion) {
        var handler = new ApiDocsHandler(discovery, WebClient.create(), json, swaggerUiVersion);
        return RouterFunctions.route(GET("/api/docs"), handler::list)
                .andRoute(GET("/api/docs/ui"), handler::ui)
                .andRoute(GET("/api/docs/ui/{file}"), handler::ui)
                .andRoute(GET("/api/docs/{service}"), handler::document);
    }
}
