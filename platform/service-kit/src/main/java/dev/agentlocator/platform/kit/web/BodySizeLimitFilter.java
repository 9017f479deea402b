package dev.agentlocator.platform.kit.web;

import dev.agentlocator.platform.kit.errors.ApiError;
import dev.agentlocator.platform.kit.errors.Messages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * No request body needs more than {@code agentlocator.web.max-body} (1 MB): a body declared larger
 * is refused with the suite's 413 JSON before anything reads it; a chunked body that grows past
 * the cap fails to read, which the JSON reader reports as a malformed body (400). Either way
 * nothing is written. Paths in {@code agentlocator.web.large-body-paths} (uploads such as a CSV
 * import) get {@code agentlocator.web.max-large-body} instead.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final JsonMapper json;
    private final WebProperties properties;

    public BodySizeLimitFilter(JsonMapper json, WebProperties properties) {
        this.json = json;
        this.properties = properties;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        long limit = properties.largeBodyPaths().stream().anyMatch(pattern -> PATHS.match(pattern, path))
                ? properties.maxLargeBody().toBytes()
                : properties.maxBody().toBytes();
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream()
                    .write(json.writeValueAsBytes(new ApiError("payload_too_large", Messages.PAYLOAD_TOO_LARGE)));
            return;
        }
        chain.doFilter(new Capped(request, limit), response);
    }

    /** The request with its body stream cut off after {@code limit} bytes. */
    private static final class Capped extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream capped;

        Capped(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (capped == null) {
                capped = new CappedStream(super.getInputStream(), limit);
            }
            return capped;
        }
    }

    private static final class CappedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        CappedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new IOException("Request body larger than " + limit + " bytes");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
