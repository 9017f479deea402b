package dev.agentlocator.telephony.relay;

import dev.agentlocator.platform.kit.phone.PhoneNumbers;
import dev.agentlocator.telephony.calls.CallLog;
import dev.agentlocator.telephony.openai.OpenAiStream;
import dev.agentlocator.telephony.openai.OpenAiStream.ToolCall;
import dev.agentlocator.telephony.providers.ProviderException;
import dev.agentlocator.telephony.relay.RelayTools.Ending;
import dev.agentlocator.telephony.relay.RelayTools.Outcome;
import dev.agentlocator.telephony.settings.ReceptionistSettings.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One ConversationRelay session (issue 24): Twilio's side of the socket speaks {@code setup},
 * {@code prompt}, {@code interrupt}, {@code dtmf} and {@code error}; we answer with {@code text}
 * tokens as the model writes them, and {@code end} when the call goes to a person, ends, or falls
 * back to the record flow. All state changes under this object's lock: Twilio's messages arrive on
 * the server's threads, the model's tokens on the HTTP client's.
 */
final class RelayConversation {

    private static final Logger log = LoggerFactory.getLogger(RelayConversation.class);

    /** Spoken when the model fails mid-answer; the action URL's record flow follows. */
    static final String APOLOGY = "סליחה, נתקלתי בתקלה רגעית.";

    static final String HANDING_OFF = "אני מעבירה אותך לנציג, רק רגע.";

    /** Appended to the tenant's prompt: a spoken, streamed answer and when to use which tool. */
    static final String FORMAT = """

            את/ה מדבר/ת בטלפון: משפטים קצרים, בעברית, בלי רשימות, סימנים או אימוג'י.
            כשהמתקשר/ת מוסר/ת פרטים (שם, אזור, חדרים, תקציב, קנייה או שכירות, מועד) — קרא/י ל-record_lead.
            כשהמתקשר/ת רוצה שיחזרו אליו/ה — קרא/י ל-schedule_callback.
            כשהמתקשר/ת מבקש/ת לדבר עם אדם — קרא/י ל-hand_off עם סיכום קצר.
            כשהשיחה הסתיימה — אמור/אמרי שלום וקרא/י ל-end_call. אל תמציא/י פרטים שלא נאמרו.""";

    /** Where the socket's frames go; the handler's implementation serialises sends. */
    interface Outbound {
        void send(Map<String, Object> message);

        void close(String reason);
    }

    private final RelayService service;
    private final Outbound out;
    private final String connectionId;
    private final String signedBy;
    private final String dialled;

    private CallLog call;
    private Settings settings;
    private String sessionId;
    private final List<Map<String, Object>> history = new ArrayList<>();
    private final StringBuilder partialPrompt = new StringBuilder();
    private int turns;
    private Turn current;
    /** The last answer that finished streaming: Twilio may still be speaking it. */
    private Turn lastFinished;

    private boolean ended;

    RelayConversation(RelayService service, Outbound out, String connectionId, String signedBy, String dialled) {
        this.service = service;
        this.out = out;
        this.connectionId = connectionId;
        this.signedBy = signedBy;
        this.dialled = dialled;
    }

    synchronized void receive(String frame) {
        JsonNode message;
        try {
            message = service.json().readTree(frame);
        } catch (JacksonException e) {
            log.warn("Relay {}: a frame that is not JSON", connectionId);
            return;
        }
        String type = message.path("type").asString("");
        if (call == null && !"setup".equals(type)) {
            log.warn("Relay {}: '{}' before setup; closing", connectionId, type);
            out.close("setup expected");
            ended = true;
            return;
        }
        switch (type) {
            case "setup" -> setup(message);
            case "prompt" -> prompt(message);
            case "interrupt" -> interrupt(message);
            case "dtmf" ->
                log.info(
                        "Relay {}: caller pressed {}",
                        sessionId,
                        message.path("digit").asString(""));
            case "error" ->
                log.warn(
                        "Relay {}: Twilio reports {}",
                        sessionId,
                        message.path("description").asString(""));
            default -> log.warn("Relay {}: unknown message type '{}'", sessionId, type);
        }
    }

    synchronized void closed() {
        ended = true;
        if (current != null) {
            current.cancel();
        }
    }

    /**
     * Ties the session to the call: the call must be one we stored from {@code incoming_call}, to a
     * number of the same tenant, from the account whose token signed the handshake.
     */
    private void setup(JsonNode m) {
        if (call != null) {
            log.warn("Relay {}: a second setup ignored", sessionId);
            return;
        }
        String callSid = m.path("callSid").asString("");
        String to = m.path("to").asString("");
        Optional<CallLog> found =
                callSid.isBlank() ? Optional.empty() : service.calls().findBySid(callSid);
        Optional<String> number = PhoneNumbers.normalise(to);
        Optional<UUID> tenantOfNumber = number.flatMap(service.numbers()::tenantOf);
        if (found.isEmpty()
                || !CallLog.INBOUND.equals(found.get().direction())
                || tenantOfNumber.isEmpty()
                || !tenantOfNumber.get().equals(found.get().tenantId())
                || (dialled != null && !number.get().equals(dialled))
                || (signedBy != null && !signedBy.equals(m.path("accountSid").asString("")))) {
            log.warn(
                    "Relay {}: setup for call {} to {} matches no call of that number's tenant; closing",
                    connectionId,
                    callSid,
                    to);
            ended = true;
            out.close("unknown call");
            return;
        }
        call = found.get();
        sessionId = m.path("sessionId").asString(connectionId);
        settings = service.settings().of(call.tenantId());
        history.add(message("system", settings.prompt() + FORMAT));
        history.add(message("assistant", settings.greeting()));
        log.info("Relay {} tied to call {} of tenant {}", sessionId, call.callSid(), call.tenantId());
    }

    private void prompt(JsonNode m) {
        if (ended) {
            return;
        }
        partialPrompt.append(m.path("voicePrompt").asString(""));
        if (!m.path("last").asBoolean(true)) {
            return;
        }
        String said = partialPrompt.toString().strip();
        partialPrompt.setLength(0);
        if (said.isEmpty()) {
            return;
        }
        if (current != null) {
            // the caller spoke again before the answer ended and Twilio sent no interrupt
            current.interrupted(null, -1);
        }
        lastFinished = null;
        history.add(message("user", said));
        current = new Turn(++turns, said, System.nanoTime());
        current.round();
    }

    private void interrupt(JsonNode m) {
        String spoken = m.path("utteranceUntilInterrupt").isString()
                ? m.path("utteranceUntilInterrupt").asString()
                : null;
        long spokenMs = m.path("durationUntilInterruptMs").asLong(-1);
        if (current != null) {
            current.interrupted(spoken, spokenMs);
        } else if (lastFinished != null && spoken != null) {
            lastFinished.interruptedAfterwards(spoken, spokenMs);
            lastFinished = null;
        }
    }

    private static Map<String, Object> message(String role, String content) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", role);
        m.put("content", content);
        return m;
    }

    private void sendText(String token, boolean last) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "text");
        m.put("token", token);
        m.put("last", last);
        out.send(m);
    }

    private void end(Ending ending) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reasonCode", ending.reasonCode());
        if (ending.summary() != null) {
            data.put("summary", ending.summary());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "end");
        m.put("handoffData", service.json().writeValueAsString(data));
        out.send(m);
        ended = true;
    }

    /** One answer: the model's rounds (text, or tools then text), until it ends, fails or is cut. */
    private final class Turn implements OpenAiStream.Listener {
        final UUID id = UUID.randomUUID();
        final int number;
        final String said;
        final long promptAt;
        final StringBuilder sent = new StringBuilder();
        final List<Map<String, Object>> toolCalls = new ArrayList<>();
        final Map<String, Object> lead = new LinkedHashMap<>();
        final Map<String, Object> timings = new LinkedHashMap<>();
        int rounds;
        long roundStartedAt;
        long providerNanos;
        Long firstTokenAt;
        Long firstSentenceAt;
        boolean over;
        boolean sawToken;
        OpenAiStream.Stream stream;
        ScheduledFuture<?> watchdog;
        int assistantIndex = -1;

        Turn(int number, String said, long promptAt) {
            this.number = number;
            this.said = said;
            this.promptAt = promptAt;
        }

        /** Starts one model round trip over the history so far. */
        void round() {
            rounds++;
            sawToken = false;
            roundStartedAt = System.nanoTime();
            try {
                stream = service.chat()
                        .start(
                                List.copyOf(history),
                                service.tools().definitions(),
                                service.properties().firstTokenTimeout(),
                                this);
            } catch (ProviderException e) {
                failed(e);
                return;
            }
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            int round = rounds;
            watchdog = service.timer()
                    .schedule(
                            () -> timedOut(round),
                            service.properties().firstTokenTimeout().toMillis(),
                            TimeUnit.MILLISECONDS);
        }

        private void timedOut(int round) {
            synchronized (RelayConversation.this) {
                if (!over && rounds == round && !sawToken) {
                    stream.cancel();
                    failed(new ProviderException("openai-chat", "timeout", "no first token in time"));
                }
            }
        }

        @Override
        public void token(String text) {
            synchronized (RelayConversation.this) {
                if (over) {
                    return;
                }
                long now = System.nanoTime();
                if (!sawToken) {
                    sawToken = true;
                    timings.putIfAbsent("modelFirstTokenMs", millis(now - roundStartedAt));
                }
                sendText(text, false);
                if (firstTokenAt == null) {
                    firstTokenAt = System.nanoTime();
                }
                sent.append(text);
                if (firstSentenceAt == null && endsASentence(text)) {
                    firstSentenceAt = System.nanoTime();
                }
            }
        }

        @Override
        public void finished(String finishReason, List<ToolCall> calls) {
            synchronized (RelayConversation.this) {
                if (over) {
                    return;
                }
                providerNanos += System.nanoTime() - roundStartedAt;
                if (calls.isEmpty()) {
                    sendText("", true);
                    addAssistant(sent.toString());
                    finish("answered", null, null);
                    return;
                }
                tools(calls);
            }
        }

        private void tools(List<ToolCall> calls) {
            Map<String, Object> assistant = message("assistant", sent.isEmpty() ? null : sent.toString());
            List<Map<String, Object>> requested = new ArrayList<>();
            for (ToolCall c : calls) {
                requested.add(Map.of(
                        "id",
                        c.id() == null ? "" : c.id(),
                        "type",
                        "function",
                        "function",
                        Map.of("name", String.valueOf(c.name()), "arguments", String.valueOf(c.arguments()))));
            }
            assistant.put("tool_calls", requested);
            history.add(assistant);
            Ending ending = null;
            for (ToolCall c : calls) {
                long started = System.nanoTime();
                Outcome outcome = service.tools().run(c, call, settings, lead);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", c.name());
                entry.put("ok", outcome.ok());
                entry.put("arguments", outcome.arguments());
                entry.put("result", outcome.result());
                entry.put("ms", millis(System.nanoTime() - started));
                toolCalls.add(entry);
                Map<String, Object> answer = message("tool", service.json().writeValueAsString(outcome.result()));
                answer.put("tool_call_id", c.id() == null ? "" : c.id());
                history.add(answer);
                if (outcome.ending() != null && ending == null) {
                    ending = outcome.ending();
                }
            }
            if (ending != null) {
                String words = Ending.HANDOFF.equals(ending.reasonCode()) ? HANDING_OFF : "";
                if (!words.isEmpty()) {
                    sendText(words, false);
                    sent.append(sent.isEmpty() ? "" : " ").append(words);
                }
                sendText("", true);
                if (!sent.isEmpty()) {
                    addAssistant(sent.toString());
                }
                finish("answered", null, ending);
                end(ending);
                return;
            }
            if (rounds >= service.properties().maxToolRounds()) {
                failed(new ProviderException("openai-chat", "too_many_tool_rounds", "the model kept calling tools"));
                return;
            }
            round();
        }

        @Override
        public void failed(ProviderException error) {
            synchronized (RelayConversation.this) {
                if (over) {
                    return;
                }
                providerNanos += System.nanoTime() - roundStartedAt;
                log.warn(
                        "Relay {} turn {}: the model failed ({}); apology and the record flow",
                        sessionId,
                        number,
                        error.getMessage());
                // never silence: what was sent stays, the apology follows, then the record flow
                String apology =
                        (sent.isEmpty() || Character.isWhitespace(sent.charAt(sent.length() - 1)) ? "" : " ") + APOLOGY;
                sendText(apology, false);
                sendText("", true);
                sent.append(apology);
                addAssistant(sent.toString());
                finish("llm_failed", error.summary(), null);
                end(new Ending(Ending.FALLBACK, null));
            }
        }

        /** Barge-in: the stream stops now; the history keeps what the caller heard. */
        void interrupted(String spoken, long spokenMs) {
            if (over) {
                return;
            }
            long at = System.nanoTime();
            cancel();
            timings.put("cancelMs", millis(System.nanoTime() - at));
            timings.put("interrupted", true);
            if (spokenMs >= 0) {
                timings.put("spokenMs", spokenMs);
            }
            String heard = spoken != null ? spoken : sent.toString();
            providerNanos += System.nanoTime() - roundStartedAt;
            addAssistant(heard);
            over = false; // cancel() marked it; finish() records it
            finish("answered", null, null, heard);
        }

        /** After the answer streamed completely, Twilio was still speaking it when the caller cut in. */
        void interruptedAfterwards(String spoken, long spokenMs) {
            if (assistantIndex >= 0 && assistantIndex < history.size()) {
                history.get(assistantIndex).put("content", spoken);
            }
            service.interruptedAfterwards(id, spoken, spokenMs);
        }

        void cancel() {
            over = true;
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            if (stream != null) {
                stream.cancel();
            }
        }

        private void addAssistant(String content) {
            history.add(message("assistant", content));
            assistantIndex = history.size() - 1;
        }

        private void finish(String outcome, String error, Ending ending) {
            finish(outcome, error, ending, sent.toString());
        }

        private void finish(String outcome, String error, Ending ending, String reply) {
            over = true;
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            long now = System.nanoTime();
            if (firstTokenAt != null) {
                timings.put("promptToFirstTokenMs", millis(firstTokenAt - promptAt));
            }
            if (firstSentenceAt != null) {
                timings.put("promptToFirstSentenceMs", millis(firstSentenceAt - promptAt));
            }
            timings.put("totalMs", millis(now - promptAt));
            timings.put("rounds", rounds);
            if (ending != null) {
                timings.put("ending", ending.reasonCode());
            }
            current = null;
            lastFinished = "answered".equals(outcome) && !timings.containsKey("interrupted") ? this : null;
            service.store(new RelayTurnRepository.Finished(
                    id,
                    call.id(),
                    call.tenantId(),
                    "relay:" + sessionId + ":" + number,
                    outcome,
                    said,
                    reply,
                    lead,
                    error,
                    toolCalls,
                    timings,
                    providerNanos / 1_000_000,
                    (now - promptAt) / 1_000_000));
        }
    }

    static boolean endsASentence(String token) {
        String t = token.stripTrailing();
        return !t.isEmpty() && ".?!:;\n".indexOf(t.charAt(t.length() - 1)) >= 0;
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
