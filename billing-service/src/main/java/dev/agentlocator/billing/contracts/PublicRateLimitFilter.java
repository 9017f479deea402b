package dev.agentlocator.billing.contracts;

import dev.agentlocator.platform.kit.errors.ApiError;
import dev.agentlocator.platform.kit.errors.Messages;
import dev.agentlocator.platform.kit.web.ClientAddress;
import dev.agentlocator.platform.kit.web.GuardedHandlers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards the {@link PublicRateLimited} endpoints (the signing page's), which anyone can reach
 * without a login: a token bucket per client address (guessing tokens or flooding signatures costs
 * the caller, not the database) and a cap on the declared body size. It applies to every request
 * the dispatcher routes to such a handler, however its path is spelled. In memory and per
 * instance; the gateway's limit is suite-wide.
 */
@Component
class PublicRateLimitFilter extends OncePerRequestFilter {

    static final String TOO_MANY = "נשלחו יותר מדי בקשות. נסו שוב בעוד דקה.";
    private static final int MAX_TRACKED_CLIENTS = 10_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ContractsProperties properties;
    private final JsonMapper json;
    private final GuardedHandlers publicEndpoints;
    private final ClientAddress clientAddress;

    PublicRateLimitFilter(
            ContractsProperties properties,
            JsonMapper json,
            GuardedHandlers publicEndpoints,
            ClientAddress clientAddress) {
        this.properties = properties;
        this.json = json;
        this.publicEndpoints = publicEndpoints;
        this.clientAddress = clientAddress;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !publicEndpoints.guards(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (buckets.size() > MAX_TRACKED_CLIENTS) {
            buckets.clear(); // crude bound on memory; a flood of addresses only resets everyone's allowance
        }
        Bucket bucket = buckets.computeIfAbsent(clientAddress.of(request), ip -> new Bucket(properties.publicBurst()));
        if (!bucket.tryTake(properties.publicBurst(), properties.publicRequestsPerMinute())) {
            response.setHeader("Retry-After", "60");
            refuse(response, 429, new ApiError("rate_limited", TOO_MANY));
            return;
        }
        // The signature is capped after decoding; a body far beyond that is refused before it is read.
        if (request.getContentLengthLong() > properties.maxSignatureBytes() * 3L) {
            refuse(response, 413, new ApiError("payload_too_large", Messages.PAYLOAD_TOO_LARGE));
            return;
        }
        publicEndpoints.markChecked(request);
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(error));
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt = System.nanoTime();

        Bucket(int capacity) {
            tokens = capacity;
        }

        synchronized boolean tryTake(int capacity, int perMinute) {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - refilledAt) / 60e9 * perMinute);
            refilledAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
