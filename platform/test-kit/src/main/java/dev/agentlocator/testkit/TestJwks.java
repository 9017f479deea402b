package dev.agentlocator.testkit;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JWKS endpoint over real HTTP, as crm-service publishes its public keys, for tests where crm
 * itself is not running: the gateway and the services under test fetch their keys from it.
 * {@link #shared()} publishes {@link TestJwt#KEY}; a test of key rotation starts its own and
 * changes what it publishes.
 */
public final class TestJwks implements AutoCloseable {

    public static final String PATH = "/.well-known/jwks.json";

    private static TestJwks shared;

    private final HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile String document;

    private TestJwks(List<JWK> keys) {
        publish(keys);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, exchange -> {
            fetches.incrementAndGet();
            byte[] body = document.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** The test JVM's endpoint publishing {@link TestJwt#KEY}; it lives as long as the JVM. */
    public static synchronized TestJwks shared() {
        if (shared == null) {
            shared = new TestJwks(List.of(TestJwt.KEY));
        }
        return shared;
    }

    /** An endpoint of its own, publishing the public part of {@code keys}. */
    public static TestJwks start(JWK... keys) {
        return new TestJwks(List.of(keys));
    }

    /** From now on publishes the public part of {@code keys} and nothing else. */
    public void publish(List<JWK> keys) {
        document = new JWKSet(keys).toString(true);
    }

    public void publish(JWK... keys) {
        publish(List.of(keys));
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** How often the set has been fetched. */
    public int fetches() {
        return fetches.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
