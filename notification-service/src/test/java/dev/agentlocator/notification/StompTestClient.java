package dev.agentlocator.notification;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/** A real STOMP client over a real WebSocket, as the SPA's @stomp/stompjs would connect. */
public final class StompTestClient {

    public static final String TASK_DUE = "/user/queue/task-due";
    /** The bell's notifications, read marks and "changed" hints (ADR 0028). */
    public static final String LIVE = "/user/queue/live";

    private static final WebSocketStompClient CLIENT = client();

    /** A message and when it arrived (epoch millis). */
    public record Received(Map<String, Object> payload, long arrivedAt) {}

    public record Connection(StompSession session, BlockingQueue<Received> received) {
        public void close() {
            if (session.isConnected()) {
                session.disconnect();
            }
        }
    }

    /** What a refused CONNECT produced: the ERROR frames' messages and the failure of the future. */
    public record Refusal(java.util.List<String> errors, Throwable failure) {}

    public static Connection connect(int port, String token) throws Exception {
        return connect(port, token, TASK_DUE);
    }

    public static Connection connect(int port, String token, String destination) throws Exception {
        var session = CLIENT.connectAsync(
                        url(port), new WebSocketHttpHeaders(), bearer(token), new StompSessionHandlerAdapter() {})
                .get(10, TimeUnit.SECONDS);
        BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return Map.class;
            }

            @Override
            @SuppressWarnings("unchecked")
            public void handleFrame(StompHeaders headers, Object payload) {
                received.add(new Received((Map<String, Object>) payload, System.currentTimeMillis()));
            }
        });
        return new Connection(session, received);
    }

    public static Refusal refused(int port, String token) {
        var errors = new CopyOnWriteArrayList<String>();
        var handler = new StompSessionHandlerAdapter() {
            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                errors.add(String.valueOf(headers.getFirst("message")));
            }
        };
        try {
            var session = CLIENT.connectAsync(
                            url(port),
                            new WebSocketHttpHeaders(),
                            token == null ? new StompHeaders() : bearer(token),
                            handler)
                    .get(10, TimeUnit.SECONDS);
            session.disconnect();
            return new Refusal(errors, null);
        } catch (Exception e) {
            return new Refusal(errors, e);
        }
    }

    private static StompHeaders bearer(String token) {
        var headers = new StompHeaders();
        headers.add("Authorization", "Bearer " + token);
        return headers;
    }

    private static String url(int port) {
        return "ws://127.0.0.1:" + port + "/ws";
    }

    private static WebSocketStompClient client() {
        var client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setMessageConverter(new JacksonJsonMessageConverter());
        return client;
    }

    private StompTestClient() {}
}
