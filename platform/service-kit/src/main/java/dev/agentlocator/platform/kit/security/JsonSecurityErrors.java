package dev.agentlocator.platform.kit.security;

import dev.agentlocator.platform.kit.errors.ApiError;
import dev.agentlocator.platform.kit.errors.Messages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 from the security filters, in the suite's JSON error shape. */
final class JsonSecurityErrors {

    private final JsonMapper json;

    JsonSecurityErrors(JsonMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> write(response, 401, new ApiError("unauthorized", Messages.UNAUTHORIZED));
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, 403, new ApiError("forbidden", Messages.FORBIDDEN));
    }

    private void write(HttpServletResponse response, int status, ApiError body) throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }
}
