package dev.agentlocator.localstack.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The last lines of a (possibly large, possibly still growing) log file, read from its end. */
public final class LogTail {

    private static final int BLOCK = 8192;

    private LogTail() {}

    /** Up to {@code count} last lines of {@code file}; empty when it is missing or unreadable. */
    public static List<String> lastLines(Path file, int count) {
        if (count <= 0 || !Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long end = in.length();
            long start = end;
            int newlines = 0;
            byte[] block = new byte[BLOCK];
            // Walk back block by block until count + 1 line breaks are seen (the last line may end with one).
            while (start > 0 && newlines <= count) {
                int size = (int) Math.min(BLOCK, start);
                start -= size;
                in.seek(start);
                in.readFully(block, 0, size);
                for (int i = 0; i < size; i++) {
                    if (block[i] == '\n') {
                        newlines++;
                    }
                }
            }
            byte[] bytes = new byte[(int) (end - start)];
            in.seek(start);
            in.readFully(bytes);
            return lastLines(new String(bytes, StandardCharsets.UTF_8), count);
        } catch (IOException e) {
            return List.of();
        }
    }

    static List<String> lastLines(String text, int count) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
}
