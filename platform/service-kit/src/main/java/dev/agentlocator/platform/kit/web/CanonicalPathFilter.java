package dev.agentlocator.platform.kit.web;

import dev.agentlocator.platform.kit.errors.ApiError;
import dev.agentlocator.platform.security.CanonicalPath;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's path rule again, in every service (defence in depth: a request that reaches a
 * service without the gateway is judged the same way). A path that is not canonical is refused with
 * 400 JSON before any other filter compares it with anything, so a filter that matches the raw
 * {@code getRequestURI()} and the dispatcher that matches the decoded path can never disagree about
 * which handler a request is for.
 */
public class CanonicalPathFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CanonicalPathFilter.class);

    private final JsonMapper json;

    public CanonicalPathFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> problem = CanonicalPath.problem(request.getRequestURI());
        if (problem.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        log.info(
                "Refused {} {}: non-canonical path, {}",
                request.getMethod(),
                request.getRequestURI().replaceAll("\\p{Cntrl}", "?"),
                problem.get());
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream()
                .write(json.writeValueAsBytes(new ApiError(CanonicalPath.ERROR, CanonicalPath.MESSAGE)));
    }
}
