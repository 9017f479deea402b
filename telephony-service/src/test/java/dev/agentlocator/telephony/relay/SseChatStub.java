package dev.agentlocator.telephony.relay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local OpenAI {@code POST /v1/chat/completions} that streams, in the documented server-sent
 * events format: {@code data: {chat.completion.chunk}} lines (the first delta carries the role,
 * text arrives as {@code delta.content}, tool calls as {@code delta.tool_calls[]} with the
 * arguments in fragments, the last chunk has {@code finish_reason}) and {@code data: [DONE]}. The
 * first token comes {@code firstTokenMs} after the request, the next at {@code tokensPerSecond}.
 * Answers are queued per test; when none is queued it says one short sentence.
 */
public final class SseChatStub implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One streamed completion. */
    public record Answer(List<String> tokens, List<Map<String, String>> toolCalls, boolean breaksOff) {}

    /** The stream closed by the client (a barge-in) as the stub saw it: nanos of the failed write. */
    public record Cut(String lastUser, long requestNanos, long cutNanos) {}

    /** When a request (named by its last user message) arrived and its first text token left. */
    public record Served(String lastUser, long requestNanos, long firstTokenNanos) {}

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sse-stub");
        t.setDaemon(true);
        return t;
    });
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<Cut> cuts = new CopyOnWriteArrayList<>();
    private final List<Served> served = new CopyOnWriteArrayList<>();
    private volatile Answer fallback = text("בסדר", ", ", "הבנתי.");
    private volatile long firstTokenMs;
    private volatile double tokensPerSecond;

    public SseChatStub(long firstTokenMs, double tokensPerSecond) {
        this.firstTokenMs = firstTokenMs;
        this.tokensPerSecond = tokensPerSecond;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(pool);
        server.createContext("/v1/chat/completions", this::complete);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void timing(long firstTokenMs, double tokensPerSecond) {
        this.firstTokenMs = firstTokenMs;
        this.tokensPerSecond = tokensPerSecond;
    }

    public static Answer text(String... tokens) {
        return new Answer(List.of(tokens), List.of(), false);
    }

    /** Tokens, then the connection closes without a finish_reason or {@code [DONE]}. */
    public static Answer breaksOffAfter(String... tokens) {
        return new Answer(List.of(tokens), List.of(), true);
    }

    /** Tool calls (name → JSON arguments, in order), streamed as OpenAI does. */
    public static Answer tools(String... nameThenArguments) {
        List<Map<String, String>> calls = new ArrayList<>();
        for (int i = 0; i + 1 < nameThenArguments.length; i += 2) {
            calls.add(Map.of("name", nameThenArguments[i], "arguments", nameThenArguments[i + 1]));
        }
        return new Answer(List.of(), calls, false);
    }

    /** What every request gets when no answer is queued (the benchmark's many calls). */
    public void answerEveryRequest(Answer answer) {
        this.fallback = answer;
    }

    public void enqueue(Answer... next) {
        answers.addAll(List.of(next));
    }

    public List<JsonNode> requests() {
        return requests;
    }

    public List<Cut> cuts() {
        return cuts;
    }

    public List<Served> served() {
        return served;
    }

    public void reset() {
        answers.clear();
        requests.clear();
        cuts.clear();
        served.clear();
        fallback = text("בסדר", ", ", "הבנתי.");
    }

    private void complete(HttpExchange exchange) throws IOException {
        long received = System.nanoTime();
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            requests.add(body);
            String lastUser = "";
            for (JsonNode message : body.path("messages")) {
                if ("user".equals(message.path("role").asString(""))) {
                    lastUser = message.path("content").asString("");
                }
            }
            if (!exchange.getRequestHeaders().getFirst("Authorization").startsWith("Bearer ")
                    || !body.path("stream").asBoolean(false)) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            Answer answer = answers.poll();
            if (answer == null) {
                answer = fallback;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.getResponseHeaders().add("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            String id = "chatcmpl-" + Long.toHexString(received);
            try {
                sleepUntil(received + TimeUnit.MILLISECONDS.toNanos(firstTokenMs));
                long interval = (long) (1_000_000_000L / tokensPerSecond);
                long next = System.nanoTime();
                write(out, chunk(id, delta("role", "assistant", "content", ""), null));
                boolean first = true;
                for (String token : answer.tokens()) {
                    sleepUntil(next);
                    write(out, chunk(id, delta("content", token), null));
                    if (first) {
                        served.add(new Served(lastUser, received, System.nanoTime()));
                        first = false;
                    }
                    next = System.nanoTime() + interval;
                }
                if (answer.breaksOff()) {
                    return; // the connection closes: no finish_reason, no [DONE]
                }
                int index = 0;
                for (Map<String, String> call : answer.toolCalls()) {
                    Map<String, Object> function = new LinkedHashMap<>();
                    function.put("name", call.get("name"));
                    function.put("arguments", "");
                    Map<String, Object> opening = new LinkedHashMap<>();
                    opening.put("index", index);
                    opening.put("id", "call_" + index + "_" + Long.toHexString(received));
                    opening.put("type", "function");
                    opening.put("function", function);
                    write(out, chunk(id, delta("tool_calls", List.of(opening)), null));
                    String args = call.get("arguments");
                    for (int at = 0; at < args.length(); at += 12) {
                        String part = args.substring(at, Math.min(args.length(), at + 12));
                        write(
                                out,
                                chunk(
                                        id,
                                        delta(
                                                "tool_calls",
                                                List.of(Map.of("index", index, "function", Map.of("arguments", part)))),
                                        null));
                    }
                    index++;
                }
                write(out, chunk(id, Map.of(), answer.toolCalls().isEmpty() ? "stop" : "tool_calls"));
                write(out, "data: [DONE]\n\n");
            } catch (IOException e) {
                cuts.add(new Cut(lastUser, received, System.nanoTime()));
            }
        }
    }

    private static Map<String, Object> delta(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static String chunk(String id, Map<String, Object> delta, String finishReason) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("logprobs", null);
        choice.put("finish_reason", finishReason);
        Map<String, Object> chunk = new LinkedHashMap<>();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", 1_765_000_000L);
        chunk.put("model", "gpt-4o-mini-2024-07-18");
        chunk.put("system_fingerprint", "fp_stub");
        chunk.put("choices", List.of(choice));
        return "data: " + JSON.writeValueAsString(chunk) + "\n\n";
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void sleepUntil(long nanos) {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
