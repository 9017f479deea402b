package dev.agentlocator.gateway.errors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes the suite's error body, {@code {"error":"<code>","message":"<Hebrew>"}}, for the gateway. */
@Component
public class JsonErrorWriter {

    record ErrorBody(String error, String message) {}

    private final JsonMapper jsonMapper;

    JsonErrorWriter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public Mono<Void> write(ServerHttpResponse response, GatewayError error) {
        return write(response, error.status(), error);
    }

    /** For a status that shares its code and text with a more general error (e.g. 406 as bad_request). */
    public Mono<Void> write(ServerHttpResponse response, HttpStatusCode status, GatewayError error) {
        byte[] body = jsonMapper.writeValueAsBytes(new ErrorBody(error.code(), error.message()));
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setContentLength(body.length);
        return response.writeWith(
                Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }
}
