package dev.agentlocator.telephony.relay;

import dev.agentlocator.testkit.TwilioSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio's side of ConversationRelay for tests and the benchmark: opens the socket with the
 * handshake's {@code X-Twilio-Signature} (HMAC of the ws URL, no parameters), sends Twilio's
 * messages ({@code setup}, {@code prompt}, {@code interrupt}, {@code dtmf}) and queues ours with
 * the time each arrived.
 */
public final class TwilioRelayClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One message from our service and {@link System#nanoTime()} when it arrived. */
    public record Received(JsonNode message, long nanos) {
        public String type() {
            return message.path("type").asString("");
        }
    }

    private final WebSocket socket;
    private final BlockingQueue<Received> inbox;
    private final CompletableFuture<Integer> closed;

    private TwilioRelayClient(WebSocket socket, BlockingQueue<Received> inbox, CompletableFuture<Integer> closed) {
        this.socket = socket;
        this.inbox = inbox;
        this.closed = closed;
    }

    /** Opens {@code wsUrl} signed with {@code authToken} ({@code signature} overrides it when not null). */
    public static TwilioRelayClient open(String wsUrl, String authToken, String signature) {
        String header = signature != null ? signature : TwilioSigner.sign(authToken, wsUrl, Map.of());
        var inbox = new LinkedBlockingQueue<Received>();
        var closed = new CompletableFuture<Integer>();
        WebSocket ws = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .header("X-Twilio-Signature", header)
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(wsUrl), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            long now = System.nanoTime();
                            inbox.add(new Received(JSON.readTree(partial.toString()), now));
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        closed.complete(-1);
                    }
                })
                .join();
        return new TwilioRelayClient(ws, inbox, closed);
    }

    public void send(Map<String, Object> message) {
        socket.sendText(JSON.writeValueAsString(message), true).join();
    }

    public void setup(String sessionId, String accountSid, String callSid, String from, String to) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "setup");
        m.put("sessionId", sessionId);
        m.put("accountSid", accountSid);
        m.put("parentCallSid", "");
        m.put("callSid", callSid);
        m.put("from", from);
        m.put("to", to);
        m.put("forwardedFrom", to);
        m.put("callType", "PSTN");
        m.put("callerName", "");
        m.put("direction", "inbound");
        m.put("callStatus", "RINGING");
        m.put("customParameters", Map.of());
        send(m);
    }

    /** The caller's finished utterance, as Twilio sends it. */
    public long prompt(String words) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "prompt");
        m.put("voicePrompt", words);
        m.put("lang", "he-IL");
        m.put("last", true);
        long at = System.nanoTime();
        send(m);
        return at;
    }

    public long interrupt(String utteranceUntilInterrupt, long durationUntilInterruptMs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "interrupt");
        m.put("utteranceUntilInterrupt", utteranceUntilInterrupt);
        m.put("durationUntilInterruptMs", durationUntilInterruptMs);
        long at = System.nanoTime();
        send(m);
        return at;
    }

    /** The next message from us, or an AssertionError after {@code timeout}. */
    public Received next(Duration timeout) {
        try {
            Received r = inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (r == null) {
                throw new AssertionError("no message from the relay within " + timeout);
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every message up to and including the {@code text} with {@code last: true}. */
    public List<Received> answer(Duration timeout) {
        List<Received> out = new ArrayList<>();
        while (true) {
            Received r = next(timeout);
            out.add(r);
            if ("text".equals(r.type()) && r.message().path("last").asBoolean(false)) {
                return out;
            }
        }
    }

    public static String spoken(List<Received> messages) {
        var text = new StringBuilder();
        messages.stream()
                .filter(r -> "text".equals(r.type()))
                .forEach(r -> text.append(r.message().path("token").asString("")));
        return text.toString();
    }

    /** The close code the service sent, within {@code timeout}. */
    public int closeCode(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the relay did not close the socket", e);
        }
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }
}
