package dev.agentlocator.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void lastLinesOfALogLargerThanOneBlock() throws Exception {
        Path log = dir.resolve("crm-service.log");
        String text = IntStream.rangeClosed(1, 5000)
                .mapToObj(i -> "line " + i + " שלום")
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(log, text, StandardCharsets.UTF_8);

        assertThat(LogTail.lastLines(log, 3)).containsExactly("line 4998 שלום", "line 4999 שלום", "line 5000 שלום");
        assertThat(LogTail.lastLines(log, 40)).hasSize(40).first().isEqualTo("line 4961 שלום");
    }

    @Test
    void aShortLogWithoutFinalLineBreakIsReturnedWhole() throws Exception {
        Path log = dir.resolve("gateway.log");
        Files.writeString(log, "first\r\nsecond\nthird");

        assertThat(LogTail.lastLines(log, 40)).containsExactly("first", "second", "third");
    }

    @Test
    void aMissingOrEmptyLogHasNoLines() throws Exception {
        assertThat(LogTail.lastLines(dir.resolve("nope.log"), 40)).isEmpty();
        Path empty = Files.createFile(dir.resolve("empty.log"));
        assertThat(LogTail.lastLines(empty, 40)).isEmpty();
        assertThat(LogTail.lastLines("a\nb\n", 0)).isEmpty();
    }
}
