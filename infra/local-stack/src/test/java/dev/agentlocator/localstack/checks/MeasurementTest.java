package dev.agentlocator.localstack.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementTest {

    @Test
    void readsVmRssFromAProcStatusText() {
        List<String> status = List.of("Name:\tjava", "VmPeak:\t 3520480 kB", "VmRSS:\t  202872 kB", "Threads:\t42");

        assertThat(Measurement.rssKb(status)).isEqualTo(202872);
        assertThat(Measurement.rssKb(List.of("Name:\tkthreadd"))).isZero();
    }

    @Test
    void theMachineReadableLine() {
        assertThat(Measurement.line(42.345, 1834)).isEqualTo("measure: ready_seconds=42.3 rss_mb=1834");
    }

    @Test
    void thisJvmHasAResidentSize() {
        if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self"))) {
            assertThat(Measurement.totalRssMb()).isPositive();
        }
    }
}
