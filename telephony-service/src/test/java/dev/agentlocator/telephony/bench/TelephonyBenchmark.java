package dev.agentlocator.telephony.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.telephony.LiveProviders;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * handle_recording's own overhead (issue 5): every provider answers after a fixed latency, and the
 * figure is the turn's total time minus the time spent waiting for providers. Not a {@code *IT},
 * so {@code verify} never runs it; {@code bench/telephony/run.sh} does and writes the figures into
 * docs/benchmarks.md. It asserts nothing about speed. Each call is answered by incoming_call first,
 * untimed, as on a real line.
 */
@Tag("bench")
@ServiceIntegrationTest
class TelephonyBenchmark extends LiveProviders {

    private static final int TURNS = Integer.getInteger("bench.turns", 100);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 30);
    private static final int DOWNLOAD_MS = 50;
    private static final int STT_MS = 250;
    private static final int CHAT_MS = 300;
    private static final int TTS_MS = 150;
    /** Lets the call.received event of incoming_call reach Kafka before the timed request. */
    private static final int PAUSE_MS = 50;

    @DynamicPropertySource
    static void benchTimeouts(DynamicPropertyRegistry registry) {
        registry.add("agentlocator.telephony.crm.base-url", STUBS::url);
        registry.add("agentlocator.telephony.openai.transcription-timeout", () -> "5s");
        registry.add("agentlocator.telephony.openai.chat-timeout", () -> "5s");
        registry.add("agentlocator.telephony.google.timeout", () -> "3s");
        registry.add("agentlocator.telephony.receptionist.turn-deadline", () -> "11s");
    }

    @Test
    void measure() throws Exception {
        UUID tenant = UUID.randomUUID();
        String number = "+9723" + digits(7);
        String caller = "+97252" + digits(7);
        assignNumber(tenant, number);
        STUBS.crmResolves(UUID.randomUUID(), caller);
        STUBS.whisper("אני מחפש דירת ארבעה חדרים בגבעתיים עד שלושה מיליון", STT_MS);
        STUBS.chat(
                "מצוין, רשמתי: ארבעה חדרים בגבעתיים. מתי נוח שסוכן יחזור אליכם?",
                Map.of("area", "גבעתיים", "rooms", 4, "budget", 3_000_000, "intent", "buy"),
                CHAT_MS);
        STUBS.googleToken(3599);
        STUBS.tts(TTS_MS);

        List<long[]> samples = new ArrayList<>();
        for (int i = 0; i < WARMUP + TURNS; i++) {
            String callSid = sid("CA");
            // As on a real line: incoming_call first (greeting cached after the first call), then,
            // seconds later in real life, the recording. Only handle_recording is timed.
            webhook("/webhook/incoming_call", voice(callSid, caller, number, "ringing"));
            sleep(PAUSE_MS);
            String recording = sid("RE");
            String url = STUBS.recording(recording, DOWNLOAD_MS);
            long started = System.nanoTime();
            var response = webhook("/webhook/handle_recording", recorded(callSid, caller, number, recording, url, 6));
            long totalMicros = (System.nanoTime() - started) / 1_000;
            assertThat(response.body()).contains("<Play>");
            Map<String, Object> turn = jdbc.sql(
                            "select provider_millis, total_millis, outcome from call_turn where recording_sid = ?")
                    .param(recording)
                    .query()
                    .singleRow();
            assertThat(turn.get("outcome")).isEqualTo("answered");
            if (i >= WARMUP) {
                long provider = ((Number) turn.get("provider_millis")).longValue() * 1_000;
                long serverTotal = ((Number) turn.get("total_millis")).longValue() * 1_000;
                samples.add(new long[] {totalMicros, provider, totalMicros - provider, serverTotal - provider});
            }
        }
        long[] total = column(samples, 0);
        long[] provider = column(samples, 1);
        long[] overhead = column(samples, 2);
        long[] serverOverhead = column(samples, 3);
        int fixed = DOWNLOAD_MS + STT_MS + CHAT_MS + TTS_MS;
        String figures = String.join(
                "\n",
                "| Figure | Result | Target |",
                "|---|---|---|",
                "| Stub latency per turn (download %d + Whisper %d + chat %d + TTS %d ms) | %d ms | |"
                        .formatted(DOWNLOAD_MS, STT_MS, CHAT_MS, TTS_MS, fixed),
                "| handle_recording round trip, p50 (%d turns, one in flight) | %s ms | |"
                        .formatted(TURNS, ms(percentile(total, 0.50))),
                "| handle_recording round trip, p99 | %s ms | < 15,000 ms (Twilio) |"
                        .formatted(ms(percentile(total, 0.99))),
                "| of which waiting for providers, p50 | %s ms | |".formatted(ms(percentile(provider, 0.50))),
                "| **Pipeline overhead** (round trip − provider time), p50 | %s ms | |"
                        .formatted(ms(percentile(overhead, 0.50))),
                "| **Pipeline overhead**, p99 | %s ms | < 100 ms |".formatted(ms(percentile(overhead, 0.99))),
                "| Server-side overhead only (turn time − provider time), p50 / p99 | %s / %s ms | |"
                        .formatted(ms(percentile(serverOverhead, 0.50)), ms(percentile(serverOverhead, 0.99))));
        Path out = Path.of("target", "telephony-bench.md");
        Files.writeString(out, figures + "\n", StandardCharsets.UTF_8);
        System.out.println(figures);
    }

    private static long[] column(List<long[]> samples, int index) {
        return samples.stream().mapToLong(s -> s[index]).sorted().toArray();
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String ms(long micros) {
        return String.format("%.1f", micros / 1000.0);
    }
}
