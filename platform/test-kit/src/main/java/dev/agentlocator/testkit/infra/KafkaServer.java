package dev.agentlocator.testkit.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running in this JVM.
 *
 * <p>Unlike spring-kafka-test's embedded broker it listens on a fixed port and keeps its log
 * directory, so it can be stopped and started again with every record intact: the fault tests need
 * a broker that really goes away and comes back.
 */
public final class KafkaServer implements AutoCloseable {

    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private final int partitions;
    private KafkaRaftServer server;

    private KafkaServer(int port, int controllerPort, Path logDir, int partitions) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = logDir;
        this.partitions = partitions;
    }

    /** A broker on a free port with a fresh log directory, already running. */
    public static KafkaServer startOnFreePort(int partitions) {
        try {
            Path dir = Files.createTempDirectory("agentlocator-kafka-");
            return start(freePort(), freePort(), dir, partitions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A broker on {@code port}, formatting {@code logDir} on first use and reusing it afterwards. */
    public static KafkaServer start(int port, int controllerPort, Path logDir, int partitions) {
        KafkaServer kafka = new KafkaServer(port, controllerPort, logDir, partitions);
        kafka.format();
        kafka.start();
        return kafka;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        KafkaRaftServer raft = new KafkaRaftServer(KafkaConfig.fromProps(config()), Time.SYSTEM);
        raft.startup();
        server = raft;
    }

    /** Stops the broker as a crash-free shutdown would; {@link #start()} brings it back with its data. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void format() {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Path configFile = logDir.resolveSibling(logDir.getFileName() + ".properties");
            try (var out = Files.newOutputStream(configFile)) {
                config().store(out, "AgentLocator in-process Kafka");
            }
            var output = new ByteArrayOutputStream();
            int exit = StorageTool.execute(
                    new String[] {
                        "format", "-t", Uuid.randomUuid().toString(), "-c", configFile.toString(), "--ignore-formatted"
                    },
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            if (exit != 0) {
                throw new IllegalStateException(
                        "Formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties config() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", String.valueOf(partitions));
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.flush.interval.messages", "1");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        return p;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
