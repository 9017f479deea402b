package dev.agentlocator.platform.kit.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the gateway's correlation id (the trace id) or the trace id of the request's span, and puts
 * it on every log line of the request. Runs right after Boot's observation filter, whose span is
 * current by then. With {@code logging.level.dev.agentlocator.platform.kit.access=DEBUG} it also
 * writes an access line per request (the gateway writes one at INFO for every request anyway).
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

    private static final Logger accessLog = LoggerFactory.getLogger("dev.agentlocator.platform.kit.access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        String id = Correlation.acceptOrCreate(request.getHeader(Correlation.HEADER));
        MDC.put(Correlation.MDC_KEY, id);
        response.setHeader(Correlation.HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (accessLog.isDebugEnabled()) {
                accessLog.debug(
                        "{} {} {} {}ms",
                        request.getMethod(),
                        request.getRequestURI(),
                        response.getStatus(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
            MDC.remove(Correlation.MDC_KEY);
        }
    }
}
