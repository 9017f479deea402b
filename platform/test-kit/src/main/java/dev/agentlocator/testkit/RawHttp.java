package dev.agentlocator.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 written byte for byte over a socket bound to a chosen local address, for what {@link
 * Api} cannot send: a request target exactly as given (percent-encodings, backslashes, {@code ;}
 * and dot segments that a URI class would refuse or normalise), and a distinct client address per
 * caller. On Linux every 127.x.y.z address reaches the loopback interface, so {@code
 * RawHttp.from("127.0.0.2")} and {@code RawHttp.from("127.0.0.3")} are two clients to a server on
 * 127.0.0.1.
 */
public final class RawHttp {

    private final InetAddress local;
    private final Map<String, String> headers;

    private RawHttp(InetAddress local, Map<String, String> headers) {
        this.local = local;
        this.headers = headers;
    }

    /** A client whose connections come from {@code localAddress} (an address of this machine). */
    public static RawHttp from(String localAddress) {
        try {
            return new RawHttp(InetAddress.getByName(localAddress), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same client, sending {@code name: value} with every request. */
    public RawHttp withHeader(String name, String value) {
        var copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new RawHttp(local, Map.copyOf(copy));
    }

    public RawHttp withToken(String token) {
        return withHeader("Authorization", "Bearer " + token);
    }

    public Api.Response get(int port, String target) {
        return send(port, "GET", target, null, null);
    }

    public Api.Response post(int port, String target, String json) {
        return send(port, "POST", target, "application/json", json);
    }

    /**
     * Sends one request on a new connection to 127.0.0.1:{@code port} and reads the answer to the
     * end ({@code Connection: close}). The target goes out as given, UTF-8 encoded.
     */
    public Api.Response send(int port, String method, String target, String contentType, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        var head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:")
                .append(port)
                .append("\r\nConnection: close\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body != null || !method.equals("GET")) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        try (var socket = new Socket()) {
            socket.bind(new InetSocketAddress(local, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(60_000);
            // One write: a server that answers before reading the body, and closes, would otherwise
            // reset the connection when the body arrives, and the answer would be lost.
            var request = new ByteArrayOutputStream();
            request.write(head.toString().getBytes(StandardCharsets.UTF_8));
            request.write(content);
            var out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target + " from " + local.getHostAddress(), e);
        }
    }

    private static Api.Response read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            throw new IOException("no complete response head in " + all.length + " bytes");
        }
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip(), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
            body = dechunk(body);
        }
        return new Api.Response(status, new String(body, StandardCharsets.UTF_8), headers);
    }

    private static byte[] dechunk(byte[] chunked) {
        var out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, at, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, 0, pattern);
    }

    private static int indexOf(byte[] data, int from, byte[] pattern) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
