package dev.agentlocator.telephony.providers;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every HTTP call to a third party goes through here: a per-call timeout cut to what the deadline
 * leaves, a resilience4j circuit breaker per provider, and retries only where they are safe (the
 * caller says how many; only timeouts, connection failures, 429 and 5xx are retried, and only
 * while the deadline leaves a whole timeout for the next try).
 */
@Component
public class ProviderCalls {

    private static final Logger log = LoggerFactory.getLogger(ProviderCalls.class);
    /** Below this, a call cannot succeed anyway; fail at once and leave the time to the fallback. */
    private static final Duration MIN_BUDGET = Duration.ofMillis(150);

    private static final Duration BACKOFF = Duration.ofMillis(100);

    private final HttpClient http;
    private final CircuitBreakerRegistry breakers;

    public ProviderCalls(CircuitBreakerRegistry breakers) {
        this.breakers = breakers;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Sends {@code request} and returns a 2xx response; anything else is a {@link
     * ProviderException}.
     *
     * @param provider the circuit breaker's name and the log's
     * @param deadline the webhook's deadline, or {@code null} for calls no caller waits on
     */
    public HttpResponse<byte[]> send(
            String provider, HttpRequest.Builder request, Duration timeout, Deadline deadline, int attempts) {
        CircuitBreaker breaker = breakers.circuitBreaker(provider);
        ProviderException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Duration budget = deadline == null ? timeout : min(timeout, deadline.remaining());
            if (budget.compareTo(MIN_BUDGET) < 0) {
                throw last != null
                        ? last
                        : new ProviderException(provider, "timeout", "no time left before the deadline");
            }
            if (attempt > 1 && deadline != null && deadline.remaining().compareTo(timeout.plus(BACKOFF)) < 0) {
                throw last; // not enough time for a fair second try
            }
            if (attempt > 1) {
                sleep(BACKOFF);
            }
            try {
                breaker.acquirePermission();
            } catch (CallNotPermittedException e) {
                throw new ProviderException(provider, "circuit_open", "circuit breaker is open", e);
            }
            long started = System.nanoTime();
            HttpResponse<byte[]> response;
            try {
                response = exchange(request.copy().timeout(budget).build(), budget);
            } catch (TimeoutException e) {
                long took = elapsed(started, deadline);
                breaker.onError(took, TimeUnit.NANOSECONDS, e);
                last = new ProviderException(provider, "timeout", "no answer within " + budget.toMillis() + " ms", e);
                log.warn("{} attempt {} timed out after {} ms", provider, attempt, budget.toMillis());
                continue;
            } catch (IOException e) {
                long took = elapsed(started, deadline);
                breaker.onError(took, TimeUnit.NANOSECONDS, e);
                last = new ProviderException(provider, "unreachable", String.valueOf(e.getMessage()), e);
                log.warn("{} attempt {} failed: {}", provider, attempt, e.toString());
                continue;
            }
            long took = elapsed(started, deadline);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                return response;
            }
            var failure = new ProviderException(provider, "http_" + status, errorText(response));
            if (status == 429 || status >= 500) {
                breaker.onError(took, TimeUnit.NANOSECONDS, failure);
                log.warn("{} attempt {} answered {}", provider, attempt, status);
                last = failure;
                continue;
            }
            // A 4xx is our request's fault (or our credentials'): the provider is up, retrying won't help.
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            log.warn("{} refused the request: {} {}", provider, status, errorText(response));
            throw failure;
        }
        throw last;
    }

    private HttpResponse<byte[]> exchange(HttpRequest request, Duration budget) throws IOException, TimeoutException {
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return future.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.net.http.HttpTimeoutException t) {
                var timeout = new TimeoutException(t.getMessage());
                timeout.initCause(t);
                throw timeout;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(String.valueOf(cause), cause);
        }
    }

    private static long elapsed(long started, Deadline deadline) {
        long took = System.nanoTime() - started;
        if (deadline != null) {
            deadline.addProviderTime(took);
        }
        return took;
    }

    private static String errorText(HttpResponse<byte[]> response) {
        byte[] body = response.body();
        if (body == null || body.length == 0) {
            return "HTTP " + response.statusCode();
        }
        String text = new String(body, 0, Math.min(body.length, 300), java.nio.charset.StandardCharsets.UTF_8);
        return "HTTP " + response.statusCode() + " " + text.replaceAll("\\s+", " ");
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
