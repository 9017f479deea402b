package dev.agentlocator.telephony.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlocator.telephony.LiveProviders;
import dev.agentlocator.telephony.ProviderStubs;
import dev.agentlocator.testkit.ServiceIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The streaming receptionist's own latency (issue 24): {@link SseChatStub} replays an LLM's
 * time to first token and token rate in OpenAI's SSE format, {@link TwilioRelayClient} plays
 * Twilio's side of ConversationRelay for many concurrent calls. Per turn: our overhead from the
 * final {@code prompt} to the first {@code text} token on Twilio's side, minus the stub's own
 * first-token time for that request (both clocks are this JVM's); the first complete sentence;
 * a modelled mouth-to-ear latency; and interrupt → stream cancelled. Not a {@code *IT}: only
 * {@code bench/relay/run.sh} runs it. It asserts nothing about speed.
 */
@Tag("bench")
@ServiceIntegrationTest
@Import(StreamingChatStub.class)
class RelayBenchmark extends LiveProviders {

    static final SseChatStub LLM = StreamingChatStub.LLM;
    private static final int CALLS = Integer.getInteger("bench.calls", 50);
    private static final int TURNS = Integer.getInteger("bench.turns", 4);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 10);
    private static final int SOLO_TURNS = Integer.getInteger("bench.soloTurns", 30);
    private static final int TTFT_MS = Integer.getInteger("bench.ttftMs", 350);
    private static final double TOKENS_PER_SECOND =
            Double.parseDouble(System.getProperty("bench.tokensPerSecond", "40"));
    /** Modelled, not measured: Twilio's side (see docs/benchmarks.md for the figures' source). */
    private static final int STT_MS = Integer.getInteger("bench.sttMs", 350);

    private static final int TTS_MS = Integer.getInteger("bench.ttsMs", 120);
    private static final int NETWORK_MS = Integer.getInteger("bench.networkMs", 50);
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** An answer of 24 tokens, two sentences; the first ends at token 6. */
    private static final SseChatStub.Answer ANSWER = SseChatStub.text(
            "שלום", ", ", "אשמח ", "לעזור ", "לכם", ". ", "באיזה ", "אזור ", "אתם ", "מחפשים ", "דירה", ", ", "וכמה ",
            "חדרים ", "אתם ", "צריכים ", "בערך", "? ", "ומה ", "התקציב ", "שלכם ", "לדירה ", "הזאת", "?");

    record Turn(String said, long promptNanos, long firstTextNanos, long firstSentenceNanos) {}

    record Cut(String said, long interruptNanos) {}

    private final List<Turn> turns = new CopyOnWriteArrayList<>();
    private final List<Cut> interrupts = new CopyOnWriteArrayList<>();
    private final Map<String, UUID> tenants = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void benchSettings(DynamicPropertyRegistry registry) {
        registry.add("agentlocator.telephony.crm.base-url", STUBS::url);
        registry.add("agentlocator.telephony.relay.first-token-timeout", () -> "10s");
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "20");
    }

    @Test
    void measure() throws Exception {
        String solo = streamingNumber();
        String many = streamingNumber();
        LLM.reset();
        LLM.answerEveryRequest(ANSWER);
        LLM.timing(TTFT_MS, TOKENS_PER_SECOND);
        runCalls(many, WARMUP, 2, "warmup");

        var md = new StringBuilder();
        md.append("Stub: first token after ")
                .append(TTFT_MS)
                .append(" ms, then ")
                .append(TOKENS_PER_SECOND)
                .append(" tokens/s (")
                .append(ANSWER.tokens().size())
                .append(" tokens, the first sentence ends at token 6); ")
                .append(WARMUP)
                .append(
                        " warm-up calls first. In each call the last turn is cut by an `interrupt` after its first token.\n\n");
        md.append("**One call at a time** (").append(SOLO_TURNS).append(" turns in a row):\n\n");
        phase(solo, 1, SOLO_TURNS, "solo", md);
        md.append("\n**")
                .append(CALLS)
                .append(" concurrent calls** × ")
                .append(TURNS)
                .append(" turns, all calls connected before the first turn:\n\n");
        phase(many, CALLS, TURNS, "call", md);
        Path out = Path.of("target", System.getProperty("bench.out", "relay-bench.md"));
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
    }

    private String streamingNumber() {
        UUID tenant = UUID.randomUUID();
        String number = "+9723" + digits(7);
        assignNumber(tenant, number);
        STUBS.crmResolves(UUID.randomUUID(), "+97252" + digits(7));
        var settings = owner(tenant).put("/api/calls/settings", "{\"mode\":\"streaming\"}");
        assertThat(settings.status()).isEqualTo(200);
        tenants.put(number, tenant);
        return number;
    }

    private void phase(String number, int calls, int turnsPerCall, String label, StringBuilder md) throws Exception {
        turns.clear();
        interrupts.clear();
        LLM.reset();
        LLM.answerEveryRequest(ANSWER);
        LLM.timing(TTFT_MS, TOKENS_PER_SECOND);
        long started = System.nanoTime();
        runCalls(number, calls, turnsPerCall, label);
        long wallMs = (System.nanoTime() - started) / 1_000_000;
        TimeUnit.MILLISECONDS.sleep(500); // the stub notices closed streams on its next write

        Map<String, SseChatStub.Served> served = new ConcurrentHashMap<>();
        LLM.served().forEach(s -> served.put(s.lastUser(), s));
        Map<String, SseChatStub.Cut> cuts = new ConcurrentHashMap<>();
        LLM.cuts().forEach(c -> cuts.put(c.lastUser(), c));

        List<Double> overhead = new ArrayList<>();
        List<Double> firstToken = new ArrayList<>();
        List<Double> firstSentence = new ArrayList<>();
        List<Double> mouthToEar = new ArrayList<>();
        List<Double> stubFirstToken = new ArrayList<>();
        for (Turn t : turns) {
            SseChatStub.Served s = served.get(t.said());
            assertThat(s).as("the stub served " + t.said()).isNotNull();
            double stub = ms(s.firstTokenNanos() - s.requestNanos());
            double toFirst = ms(t.firstTextNanos() - t.promptNanos());
            stubFirstToken.add(stub);
            firstToken.add(toFirst);
            overhead.add(toFirst - stub);
            if (t.firstSentenceNanos() > 0) {
                firstSentence.add(ms(t.firstSentenceNanos() - t.promptNanos()));
            }
            mouthToEar.add(STT_MS + toFirst + TTS_MS + NETWORK_MS);
        }
        List<Double> stubClosed = new ArrayList<>();
        for (Cut c : interrupts) {
            SseChatStub.Cut cut = cuts.get(c.said());
            if (cut != null) {
                stubClosed.add(ms(cut.cutNanos() - c.interruptNanos()));
            }
        }
        List<Double> cancel =
                jdbc.sql("""
                        select (t.timings ->> 'cancelMs')::float8 from call_turn t
                        where t.tenant_id = ? and t.timings ->> 'cancelMs' is not null""").param(tenants.get(number)).query(Double.class).list();
        long overBudget = overhead.stream().filter(o -> o > 30).count();

        md.append("| per turn (ms) | p50 | p95 | p99 | max |\n|---|---:|---:|---:|---:|\n");
        row(md, "**our overhead**: final `prompt` → first `text` token, minus the stub's own first token", overhead);
        row(md, "final `prompt` → first `text` token (Twilio's side)", firstToken);
        row(md, "the stub's first token (request in → first content chunk out)", stubFirstToken);
        row(md, "final `prompt` → first complete sentence on Twilio's side", firstSentence);
        row(
                md,
                "modelled mouth-to-ear: STT " + STT_MS + " + first token + TTS " + TTS_MS + " + network " + NETWORK_MS,
                mouthToEar);
        row(md, "`interrupt` handled → LLM stream cancelled (in the service)", cancel);
        row(md, "`interrupt` sent → the stub's connection found closed (≤ one token interval later)", stubClosed);
        md.append("\n")
                .append(turns.size())
                .append(" timed turns in ")
                .append(wallMs)
                .append(" ms; turns whose overhead was over 30 ms: ")
                .append(overBudget)
                .append(" of ")
                .append(overhead.size())
                .append(".\n");
    }

    private void runCalls(String number, int calls, int turnsPerCall, String label) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        CountDownLatch ready = new CountDownLatch(calls);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < calls; c++) {
            int call = c;
            done.add(pool.submit(() -> {
                oneCall(number, label + "-" + call, turnsPerCall, ready);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
    }

    private void oneCall(String number, String name, int turnsPerCall, CountDownLatch ready) throws Exception {
        String callSid = sid("CA");
        String caller = "+97252" + digits(7);
        var twiml = webhook("/webhook/incoming_call", voice(callSid, caller, number, "ringing"));
        assertThat(twiml.body()).contains("<ConversationRelay");
        try (var twilio = TwilioRelayClient.open(
                "ws://127.0.0.1:" + port + "/relay/conversation", ProviderStubs.AUTH_TOKEN, null)) {
            twilio.setup("VX" + digits(9), ProviderStubs.ACCOUNT_SID, callSid, caller, number);
            ready.countDown();
            ready.await(1, TimeUnit.MINUTES); // all calls are up before the first timed turn
            for (int t = 1; t <= turnsPerCall; t++) {
                String said = name + " turn " + t + ": אני מחפש דירה ברמת גן";
                boolean cut = t == turnsPerCall && turnsPerCall > 2;
                long prompt = twilio.prompt(said);
                var first = twilio.next(WAIT);
                if (cut) {
                    long at = twilio.interrupt(first.message().path("token").asString(""), 300);
                    interrupts.add(new Cut(said, at));
                    turns.add(new Turn(said, prompt, first.nanos(), 0));
                    TimeUnit.MILLISECONDS.sleep(200);
                    continue;
                }
                List<TwilioRelayClient.Received> answer = new ArrayList<>(List.of(first));
                if (!first.message().path("last").asBoolean(false)) {
                    answer.addAll(twilio.answer(WAIT));
                }
                long sentence = 0;
                var text = new StringBuilder();
                for (var r : answer) {
                    text.append(r.message().path("token").asString(""));
                    if (sentence == 0 && RelayConversation.endsASentence(text.toString())) {
                        sentence = r.nanos();
                    }
                }
                turns.add(new Turn(said, prompt, first.nanos(), sentence));
                TimeUnit.MILLISECONDS.sleep(300); // the caller listens, then speaks again
            }
        }
    }

    private static void row(StringBuilder md, String name, List<Double> values) {
        if (values.isEmpty()) {
            md.append("| ").append(name).append(" | – | – | – | – |\n");
            return;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        md.append("| ")
                .append(name)
                .append(" (n=")
                .append(sorted.size())
                .append(") | ")
                .append(fmt(pct(sorted, 50)))
                .append(" | ")
                .append(fmt(pct(sorted, 95)))
                .append(" | ")
                .append(fmt(pct(sorted, 99)))
                .append(" | ")
                .append(fmt(sorted.get(sorted.size() - 1)))
                .append(" |\n");
    }

    private static double pct(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
