package dev.agentlocator.localstack.process;

import dev.agentlocator.localstack.Console;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Follows a child's log file like {@code tail -f} and prints every line tagged, e.g. {@code [crm]}.
 * The child writes straight to its file, so its output is never lost or blocked by the console.
 */
final class LogEcho implements Runnable {

    private final Path file;
    private final String prefix;
    private volatile boolean running = true;

    private LogEcho(Path file, String tag) {
        this.file = file;
        this.prefix = "[" + tag + "] ";
    }

    static LogEcho start(Path file, String tag) {
        LogEcho echo = new LogEcho(file, tag);
        Thread thread = new Thread(echo, "echo-" + tag);
        thread.setDaemon(true);
        thread.start();
        return echo;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        long position = 0;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (running) {
            try {
                if (Files.isRegularFile(file)) {
                    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                        if (in.length() < position) {
                            position = 0; // truncated: a new run of the child
                        }
                        in.seek(position);
                        int read;
                        while ((read = in.read(buffer)) > 0) {
                            position += read;
                            for (int i = 0; i < read; i++) {
                                if (buffer[i] == '\n') {
                                    Console.plain(prefix + line.toString(StandardCharsets.UTF_8));
                                    line.reset();
                                } else if (buffer[i] != '\r') {
                                    line.write(buffer[i]);
                                }
                            }
                        }
                    }
                }
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException e) {
                // the file is being replaced or is briefly unreadable: try again on the next round
            }
        }
    }
}
