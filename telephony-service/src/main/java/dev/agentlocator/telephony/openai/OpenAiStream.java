package dev.agentlocator.telephony.openai;

import dev.agentlocator.telephony.providers.ProviderException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenAI's {@code POST /v1/chat/completions} with {@code stream: true} (issue 24): the answer
 * arrives as server-sent events, one {@code data: {chat.completion.chunk}} line per delta and
 * {@code data: [DONE]} at the end. Text deltas go to the listener as they arrive; tool-call
 * deltas ({@code delta.tool_calls[i]}, the arguments in fragments) are put together and handed
 * over when the model finishes with {@code finish_reason: "tool_calls"}. Nothing blocks a thread
 * while the model thinks, and {@link Stream#cancel()} closes the connection (barge-in).
 */
@Component
public class OpenAiStream {

    static final String PROVIDER = "openai-chat";

    /** What the stream tells its caller; called on the HTTP client's threads, one call at a time. */
    public interface Listener {
        void token(String text);

        /** The model finished: with text ({@code stop}), or asking for tools ({@code tool_calls}). */
        void finished(String finishReason, List<ToolCall> toolCalls);

        void failed(ProviderException error);
    }

    /** One function call the model asked for; {@code arguments} is the JSON text it wrote. */
    public record ToolCall(String id, String name, String arguments) {}

    /** A running completion. */
    public interface Stream {
        /** Stops the completion: the connection closes and the listener hears nothing more. */
        void cancel();
    }

    private final OpenAiProperties properties;
    private final JsonMapper json;
    private final CircuitBreakerRegistry breakers;
    private final HttpClient http;

    OpenAiStream(OpenAiProperties properties, JsonMapper json, CircuitBreakerRegistry breakers) {
        this.properties = properties;
        this.json = json;
        this.breakers = breakers;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    public boolean configured() {
        return properties.configured();
    }

    /**
     * Starts a completion of {@code messages} (OpenAI's message objects) offering {@code tools}
     * (OpenAI's {@code {type: function, function: {...}}} objects). {@code firstTokenTimeout} bounds
     * the wait for the response headers; a stream that stalls later is the caller's to cancel.
     */
    public Stream start(
            List<Map<String, Object>> messages,
            List<Map<String, Object>> tools,
            Duration firstTokenTimeout,
            Listener listener) {
        if (!properties.configured()) {
            throw new ProviderException(PROVIDER, "not_configured", "OPENAI_API_KEY is not set");
        }
        CircuitBreaker breaker = breakers.circuitBreaker(PROVIDER);
        try {
            breaker.acquirePermission();
        } catch (CallNotPermittedException e) {
            throw new ProviderException(PROVIDER, "circuit_open", "circuit breaker is open", e);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", properties.chatModel());
        body.put("messages", messages);
        body.put("temperature", 0.3);
        body.put("max_tokens", 300);
        body.put("stream", true);
        if (!tools.isEmpty()) {
            body.put("tools", tools);
        }
        var request = HttpRequest.newBuilder(URI.create(properties.baseUrl() + "/v1/chat/completions"))
                .timeout(firstTokenTimeout)
                .header("Authorization", "Bearer " + properties.apiKey())
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        long started = System.nanoTime();
        var events = new Events(listener, breaker, started);
        var future = http.sendAsync(request, info -> {
            if (info.statusCode() / 100 != 2) {
                return HttpResponse.BodySubscribers.mapping(
                        HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8), text -> {
                            events.fail(new ProviderException(
                                    PROVIDER,
                                    "http_" + info.statusCode(),
                                    "the stream answered " + info.statusCode() + ": " + abbreviate(text)));
                            return null;
                        });
            }
            return HttpResponse.BodySubscribers.fromLineSubscriber(events, s -> null, StandardCharsets.UTF_8, null);
        });
        future.whenComplete((response, error) -> {
            if (error != null) {
                events.fail(new ProviderException(PROVIDER, "unreachable", "the stream failed: " + error, error));
            } else {
                events.ended();
            }
        });
        return () -> {
            events.cancel();
            future.cancel(true);
        };
    }

    /** The SSE lines of one completion. */
    private final class Events implements Flow.Subscriber<String> {
        private final Listener listener;
        private final CircuitBreaker breaker;
        private final long started;
        private final AtomicBoolean over = new AtomicBoolean();
        private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
        private final Map<Integer, String[]> calls = new TreeMap<>();
        private String finishReason;

        Events(Listener listener, CircuitBreaker breaker, long started) {
            this.listener = listener;
            this.breaker = breaker;
            this.started = started;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription.set(s);
            if (over.get()) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            if (over.get() || !line.startsWith("data:")) {
                return; // blank separators, comments (": keep-alive"), event: / id: lines
            }
            String data = line.substring(5).strip();
            if ("[DONE]".equals(data)) {
                finish();
                return;
            }
            JsonNode chunk;
            try {
                chunk = json.readTree(data);
            } catch (JacksonException e) {
                fail(new ProviderException(PROVIDER, "bad_answer", "a stream chunk is not JSON", e));
                return;
            }
            if (chunk.has("error")) {
                fail(new ProviderException(
                        PROVIDER,
                        "stream_error",
                        "the stream failed: "
                                + chunk.path("error").path("message").asString("")));
                return;
            }
            JsonNode choice = chunk.path("choices").path(0);
            JsonNode delta = choice.path("delta");
            String content =
                    delta.path("content").isString() ? delta.path("content").asString() : null;
            if (content != null && !content.isEmpty()) {
                listener.token(content);
            }
            for (JsonNode call : delta.path("tool_calls")) {
                String[] parts = calls.computeIfAbsent(call.path("index").asInt(0), i -> new String[] {null, "", ""});
                if (call.path("id").isString()) {
                    parts[0] = call.path("id").asString();
                }
                JsonNode function = call.path("function");
                if (function.path("name").isString()) {
                    parts[1] += function.path("name").asString();
                }
                if (function.path("arguments").isString()) {
                    parts[2] += function.path("arguments").asString();
                }
            }
            if (choice.path("finish_reason").isString()) {
                finishReason = choice.path("finish_reason").asString();
            }
        }

        @Override
        public void onError(Throwable error) {
            fail(new ProviderException(PROVIDER, "broken", "the stream broke: " + error, error));
        }

        @Override
        public void onComplete() {
            ended();
        }

        /** The body ended: without {@code [DONE]} that is a stream cut off. */
        void ended() {
            if (!over.get()) {
                fail(new ProviderException(PROVIDER, "truncated", "the stream ended before [DONE]"));
            }
        }

        private void finish() {
            if (!over.compareAndSet(false, true)) {
                return;
            }
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            List<ToolCall> toolCalls = new ArrayList<>();
            calls.values().forEach(p -> toolCalls.add(new ToolCall(p[0], p[1], p[2])));
            if ("length".equals(finishReason) && !toolCalls.isEmpty()) {
                listener.failed(new ProviderException(PROVIDER, "truncated", "a tool call hit max_tokens"));
                return;
            }
            listener.finished(finishReason == null ? "stop" : finishReason, toolCalls);
        }

        void fail(ProviderException error) {
            if (!over.compareAndSet(false, true)) {
                return;
            }
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, error);
            var s = subscription.get();
            if (s != null) {
                s.cancel();
            }
            listener.failed(error);
        }

        void cancel() {
            if (over.compareAndSet(false, true)) {
                breaker.releasePermission();
                var s = subscription.get();
                if (s != null) {
                    s.cancel();
                }
            }
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
