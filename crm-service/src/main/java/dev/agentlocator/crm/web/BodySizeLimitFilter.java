package dev.agentlocator.crm.web;

import dev.agentlocator.platform.kit.errors.ApiError;
import dev.agentlocator.platform.kit.errors.Messages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses bodies larger than we ever need (1 MB of JSON, 5 MB of CSV) before anything reads
 * them, with the suite's 413 JSON. Multipart uploads are capped by {@code spring.servlet.multipart}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

    static final long JSON_LIMIT = 1024 * 1024;
    static final long CSV_LIMIT = 5 * 1024 * 1024;

    private final JsonMapper json;

    BodySizeLimitFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = request.getRequestURI().endsWith("/import") ? CSV_LIMIT + 64 * 1024 : JSON_LIMIT;
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream()
                    .write(json.writeValueAsBytes(new ApiError("payload_too_large", Messages.PAYLOAD_TOO_LARGE)));
            return;
        }
        chain.doFilter(request, response);
    }
}
