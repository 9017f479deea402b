package dev.agentlocator.systemtests;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * A STOMP-over-WebSocket client that behaves like the SPA's @stomp/stompjs client with
 * {@code reconnectDelay}: when the socket drops it tries again every {@code RECONNECT_DELAY_MS}
 * with the same token, and subscribes to the task:due queue on every new session.
 */
final class ReconnectingStompClient implements AutoCloseable {

    static final String TASK_DUE = "/user/queue/task-due";
    private static final long RECONNECT_DELAY_MS = 1_000;

    private final WebSocketStompClient client;
    private final String url;
    private final String token;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
    private final AtomicInteger sessions = new AtomicInteger();
    private volatile StompSession session;
    private final java.util.concurrent.atomic.AtomicBoolean retrying = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean closed;

    ReconnectingStompClient(int port, String token) {
        this.client = new WebSocketStompClient(new StandardWebSocketClient());
        this.client.setMessageConverter(new JacksonJsonMessageConverter());
        this.url = "ws://127.0.0.1:" + port + "/ws";
        this.token = token;
        connect();
    }

    /** task:due payloads received on any of the sessions. */
    BlockingQueue<Map<String, Object>> received() {
        return received;
    }

    /** How many sessions have been established (1 until the first reconnect). */
    int sessions() {
        return sessions.get();
    }

    boolean isConnected() {
        var current = session;
        return current != null && current.isConnected();
    }

    private void connect() {
        retrying.set(false);
        if (closed) {
            return;
        }
        var headers = new StompHeaders();
        headers.add("Authorization", "Bearer " + token);
        client.connectAsync(url, new WebSocketHttpHeaders(), headers, new Handler())
                .whenComplete((connected, failure) -> {
                    if (failure != null) {
                        retryLater();
                    }
                });
    }

    private void retryLater() {
        // a failed attempt is reported twice (the future and the handler): one retry for both
        if (!closed && retrying.compareAndSet(false, true)) {
            scheduler.schedule(this::connect, RECONNECT_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private final class Handler extends StompSessionHandlerAdapter {

        @Override
        public void afterConnected(StompSession connected, StompHeaders headers) {
            connected.subscribe(TASK_DUE, new StompFrameHandler() {
                @Override
                public Type getPayloadType(StompHeaders frameHeaders) {
                    return Map.class;
                }

                @Override
                @SuppressWarnings("unchecked")
                public void handleFrame(StompHeaders frameHeaders, Object payload) {
                    received.add((Map<String, Object>) payload);
                }
            });
            session = connected;
            sessions.incrementAndGet();
        }

        @Override
        public void handleTransportError(StompSession broken, Throwable exception) {
            if (!broken.isConnected()) {
                retryLater();
            }
        }

        @Override
        public void handleException(
                StompSession s, StompCommand command, StompHeaders headers, byte[] payload, Throwable exception) {
            // a frame we could not handle; the session itself is fine
        }
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        var current = session;
        if (current != null && current.isConnected()) {
            current.disconnect();
        }
    }
}
