package dev.agentlocator.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * A real HTTP server standing in for one of the services: it answers every request with what it
 * received (as {@code X-Echo-*} headers) and remembers it, so a test can tell whether a request got
 * through the gateway and what it carried. It reads the whole request body first, as a real service
 * does. A path containing {@code /slow} answers after 3 s; one containing {@code /hang-up} closes
 * the connection without answering; one containing {@code /own-policy} sends a
 * {@code Content-Security-Policy} of its own.
 */
public final class Downstream {

    /** What the service saw of one request. */
    public record Received(
            String method, String path, String authorization, String correlationId, Map<String, List<String>> headers) {

        /** Every value of a header, joined with ", " as a proxy would fold them; null when absent. */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(", ", e.getValue()))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** The policy a service sends for a path containing {@code /own-policy}. */
    public static final String OWN_POLICY = "sandbox; default-src 'none'";

    private final String name;
    private final HttpServer server;
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();

    private Downstream(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::answer);
        server.start();
    }

    public static Downstream start(String name) {
        return new Downstream(name);
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many requests this service received, whatever their path. */
    public int total() {
        return received.size();
    }

    /** The requests this service received for {@code path} (path and query, as sent). */
    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        var request = new Received(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null
                                ? ""
                                : "?" + exchange.getRequestURI().getRawQuery()),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("X-Correlation-Id"),
                Map.copyOf(exchange.getRequestHeaders()));
        // Left unread, a large body makes the JDK server close the connection while the gateway is
        // still sending it, and the gateway then sees a service that hung up.
        try (var in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        received.add(request);
        if (request.path().contains("/hang-up")) {
            // Closing an exchange that has sent no headers closes its connection.
            exchange.close();
            return;
        }
        if (request.path().contains("/slow")) {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/plain; charset=utf-8");
        headers.set("X-Echo-Service", name);
        headers.set("X-Echo-Method", request.method());
        headers.set("X-Echo-Path", request.path());
        headers.set("X-Echo-Authorization", Objects.toString(request.authorization(), ""));
        headers.set("X-Echo-Correlation-Id", Objects.toString(request.correlationId(), ""));
        // Services echo the correlation id too; the gateway must not answer with two of them.
        if (request.correlationId() != null) {
            headers.set("X-Correlation-Id", request.correlationId());
        }
        if (request.path().contains("/own-policy")) {
            headers.set("Content-Security-Policy", OWN_POLICY);
        }
        byte[] body = (name + " " + request.method() + " " + request.path()).getBytes(StandardCharsets.UTF_8);
        if (request.path().equals("/v3/api-docs")) {
            // as springdoc documents a service: its own address as the server, its own paths
            headers.set("Content-Type", "application/json");
            body = """
                    {"openapi":"3.1.0","info":{"title":"AgentLocator %s","version":"development"},
                     "servers":[{"url":"%s"}],
                     "paths":{"/api/admin/dead-letters":{"get":{}},"/api/things":{"get":{}}}}""".formatted(name, uri()).getBytes(StandardCharsets.UTF_8);
        }
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
