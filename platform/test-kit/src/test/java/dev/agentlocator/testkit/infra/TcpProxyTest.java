package dev.agentlocator.testkit.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

    private ServerSocket echo;
    private TcpProxy proxy;

    @BeforeEach
    void echoServerBehindAProxy() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread server = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket client = echo.accept();
                    Thread echoing = new Thread(() -> {
                        try (client;
                                InputStream in = client.getInputStream();
                                OutputStream out = client.getOutputStream()) {
                            in.transferTo(out);
                        } catch (IOException e) {
                            // the test cut it
                        }
                    });
                    echoing.setDaemon(true);
                    echoing.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        server.setDaemon(true);
        server.start();
        proxy = TcpProxy.to(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), echo.getLocalPort()));
    }

    @AfterEach
    void close() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void forwardsBothWaysUntilCutThenRefusesUntilRestored() throws IOException {
        try (Socket before = connect()) {
            assertThat(roundTrip(before, "שלום")).isEqualTo("שלום");

            proxy.cut();

            assertThatThrownBy(() -> roundTrip(before, "again"))
                    .as("an open connection is reset")
                    .isInstanceOf(IOException.class);
        }
        try (Socket during = connect()) {
            assertThatThrownBy(() -> roundTrip(during, "hello"))
                    .as("a new connection is reset at once")
                    .isInstanceOf(IOException.class);
        }

        proxy.restore();

        try (Socket after = connect()) {
            assertThat(roundTrip(after, "back")).isEqualTo("back");
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(proxy.address().getAddress(), proxy.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** Writes the text and reads as many bytes back; an end of stream counts as a broken connection. */
    private static String roundTrip(Socket socket, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        byte[] back = socket.getInputStream().readNBytes(bytes.length);
        if (back.length < bytes.length) {
            throw new IOException("connection closed after " + back.length + " bytes");
        }
        return new String(back, StandardCharsets.UTF_8);
    }
}
