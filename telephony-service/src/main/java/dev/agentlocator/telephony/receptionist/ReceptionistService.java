package dev.agentlocator.telephony.receptionist;

import dev.agentlocator.platform.kit.features.Features;
import dev.agentlocator.platform.kit.features.TenantFeatures;
import dev.agentlocator.platform.kit.phone.PhoneNumbers;
import dev.agentlocator.telephony.calls.CallLog;
import dev.agentlocator.telephony.calls.CallRepository;
import dev.agentlocator.telephony.calls.CallService;
import dev.agentlocator.telephony.customers.CrmClient;
import dev.agentlocator.telephony.customers.CustomerDirectory;
import dev.agentlocator.telephony.numbers.TenantNumbers;
import dev.agentlocator.telephony.providers.Deadline;
import dev.agentlocator.telephony.providers.ProviderException;
import dev.agentlocator.telephony.providers.RecordingDownloader;
import dev.agentlocator.telephony.providers.ReplyGenerator;
import dev.agentlocator.telephony.providers.ReplyGenerator.Conversation;
import dev.agentlocator.telephony.providers.ReplyGenerator.Turn;
import dev.agentlocator.telephony.providers.SpeechToText;
import dev.agentlocator.telephony.providers.TextToSpeech;
import dev.agentlocator.telephony.receptionist.TurnRepository.Previous;
import dev.agentlocator.telephony.twilio.Twiml;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The AI receptionist (SPEC C3): greets, records, and for each recording downloads, checks,
 * transcribes, answers and speaks, within a deadline that keeps Twilio's 15 s limit. Every failure
 * ends in a polite TwiML; the turn records what happened.
 */
@Service
public class ReceptionistService {

    static final String HANDLE_RECORDING = "/webhook/handle_recording";
    private static final Logger log = LoggerFactory.getLogger(ReceptionistService.class);
    private static final Duration RETRY_POLL = Duration.ofMillis(50);

    private final TenantNumbers numbers;
    private final CallService calls;
    private final CallRepository callLogs;
    private final CustomerDirectory customers;
    private final CrmClient crm;
    private final ReceptionistSettings settings;
    private final VoiceAudio audio;
    private final TurnRepository turns;
    private final RecordingDownloader recordings;
    private final SpeechToText stt;
    private final ReplyGenerator replies;
    private final TextToSpeech tts;
    private final ReceptionistProperties properties;
    private final TenantFeatures features;
    private final TransactionTemplate transactions;

    ReceptionistService(
            TenantNumbers numbers,
            CallService calls,
            CallRepository callLogs,
            CustomerDirectory customers,
            CrmClient crm,
            ReceptionistSettings settings,
            VoiceAudio audio,
            TurnRepository turns,
            RecordingDownloader recordings,
            SpeechToText stt,
            ReplyGenerator replies,
            TextToSpeech tts,
            ReceptionistProperties properties,
            TenantFeatures features,
            TransactionTemplate transactions) {
        this.features = features;
        this.transactions = transactions;
        this.numbers = numbers;
        this.calls = calls;
        this.callLogs = callLogs;
        this.customers = customers;
        this.crm = crm;
        this.settings = settings;
        this.audio = audio;
        this.turns = turns;
        this.recordings = recordings;
        this.stt = stt;
        this.replies = replies;
        this.tts = tts;
        this.properties = properties;
    }

    /** What Twilio sent with the webhook, as far as the receptionist needs it. */
    public record CallParams(String callSid, String from, String to, String callStatus) {}

    public record RecordingParams(
            CallParams call, String recordingSid, String recordingUrl, Integer recordingSeconds) {}

    /** {@code /webhook/incoming_call}: store the call, find the caller, greet, record. */
    public String incomingCall(CallParams params, String origin) {
        Optional<UUID> tenant = tenantOf(params.to());
        if (tenant.isEmpty()) {
            log.warn("Incoming call {} to {}: the number belongs to no tenant", params.callSid(), params.to());
            return Twiml.response()
                    .say(ReceptionistSettings.NOT_IN_SERVICE, properties.sayVoice())
                    .hangup()
                    .build();
        }
        UUID tenantId = tenant.get();
        if (!features.isEnabled(tenantId, Features.CALLS)) {
            log.info("Incoming call {} to {}: the tenant has calls switched off", params.callSid(), params.to());
            return Twiml.response()
                    .say(ReceptionistSettings.NOT_IN_SERVICE, properties.sayVoice())
                    .hangup()
                    .build();
        }
        Optional<CallLog> known = callLogs.findBySid(params.callSid());
        CallLog call = known.orElseGet(() -> calls.receiveInbound(
                tenantId,
                params.callSid(),
                params.from(),
                params.to(),
                params.callStatus(),
                resolveCaller(tenantId, params.from(), true)));
        var words = settings.of(call.tenantId());
        return Twiml.response()
                .then(t -> greet(t, call.tenantId(), words.greeting(), origin))
                .record(origin + HANDLE_RECORDING)
                .say(ReceptionistSettings.GOODBYE, properties.sayVoice())
                .hangup()
                .build();
    }

    /** {@code /webhook/handle_recording}: one turn of the conversation, once per RecordingSid. */
    public String handleRecording(RecordingParams params, String origin, Deadline deadline) {
        CallParams c = params.call();
        Optional<CallLog> found = callLogs.findBySid(c.callSid());
        if (found.isEmpty()) {
            // incoming_call never reached us (or its row is gone): store the call now.
            Optional<UUID> tenant = tenantOf(c.to());
            if (tenant.isEmpty()) {
                log.warn("Recording {} for call {} to {}: no tenant", params.recordingSid(), c.callSid(), c.to());
                return goodbye();
            }
            found = Optional.of(calls.receiveInbound(
                    tenant.get(),
                    c.callSid(),
                    c.from(),
                    c.to(),
                    c.callStatus(),
                    resolveCaller(tenant.get(), c.from(), false)));
        }
        CallLog call = found.get();
        if (params.recordingSid() == null) {
            log.warn("handle_recording for call {} without a recording", c.callSid());
            return goodbye();
        }
        UUID turnId = UUID.randomUUID();
        if (!turns.start(
                turnId,
                call.id(),
                call.tenantId(),
                params.recordingSid(),
                params.recordingUrl(),
                params.recordingSeconds())) {
            return sameAnswerAsBefore(params.recordingSid(), origin, deadline);
        }
        return runTurn(call, turnId, params, origin, deadline);
    }

    private String runTurn(CallLog call, UUID turnId, RecordingParams params, String origin, Deadline deadline) {
        List<Previous> previous = turns.previous(call.id(), turnId);
        var words = settings.of(call.tenantId());
        String outcome;
        String transcript = null;
        String reply = null;
        UUID replyAudio = null;
        Map<String, Object> details = Map.of();
        String error = null;
        TextToSpeech.Speech speech = null;
        try {
            Integer seconds = params.recordingSeconds();
            if (seconds != null && seconds < properties.minRecordingSeconds()) {
                outcome = "too_short";
            } else {
                byte[] wav = stage("recording_failed", () -> recordings.download(params.recordingUrl(), deadline));
                transcript = stage("stt_failed", () -> stt.transcribe(wav, params.recordingSid() + ".wav", deadline));
                if (!understood(transcript)) {
                    outcome = "not_understood";
                } else {
                    String said = transcript;
                    var answer = stage(
                            "llm_failed",
                            () -> replies.reply(
                                    new Conversation(words.prompt(), words.greeting(), history(previous), said),
                                    deadline));
                    reply = answer.text();
                    details = answer.details();
                    try {
                        speech = tts.synthesize(reply, deadline);
                        replyAudio = UUID.randomUUID();
                        outcome = TurnRepository.ANSWERED;
                    } catch (ProviderException e) {
                        // The reply exists; Twilio's own voice can still say it.
                        outcome = TurnRepository.ANSWERED_WITHOUT_TTS;
                        error = e.summary();
                    }
                }
            }
        } catch (StageFailed e) {
            outcome = e.outcome;
            error = e.cause.summary();
            log.warn("Call {} turn {}: {} ({})", call.callSid(), params.recordingSid(), outcome, e.cause.getMessage());
        } catch (RuntimeException e) {
            // Our own bug or the database: still a polite fallback, and the turn says so.
            outcome = "error";
            error = "internal: " + e.getClass().getSimpleName();
            log.error("Call {} turn {} failed unexpectedly", call.callSid(), params.recordingSid(), e);
        }
        String twiml = twiml(outcome, previous, reply, replyAudio, origin, error);
        var result = new TurnRepository.Result(
                outcome,
                transcript,
                reply,
                replyAudio,
                details,
                error,
                deadline.providerTime().toMillis(),
                deadline.elapsed().toMillis(),
                twiml);
        // One commit for the audio, the turn and the call's outcome: the audio exists before any
        // retry of this recording can be answered with the TwiML that points at it.
        UUID audioId = replyAudio;
        TextToSpeech.Speech spoken = speech;
        transactions.executeWithoutResult(status -> {
            if (audioId != null) {
                audio.storeReply(audioId, call.tenantId(), result.reply(), spoken.audio(), spoken.contentType());
            }
            turns.finish(turnId, result);
            callLogs.recordOutcome(call.id(), result.outcome(), result.error());
        });
        log.info(
                "Call {} turn {}: {} in {} ms ({} ms in providers)",
                call.callSid(),
                params.recordingSid(),
                outcome,
                deadline.elapsed().toMillis(),
                deadline.providerTime().toMillis());
        return twiml;
    }

    /**
     * Answered: play the reply and listen again (until {@code maxTurns}). Failed: the fallback prompt
     * and one more recording; after two failures in a row, or when a provider is not configured at
     * all, a polite goodbye. Every branch ends in speech, never silence.
     */
    private String twiml(
            String outcome, List<Previous> previous, String reply, UUID replyAudio, String origin, String error) {
        Twiml t = Twiml.response();
        boolean answered =
                TurnRepository.ANSWERED.equals(outcome) || TurnRepository.ANSWERED_WITHOUT_TTS.equals(outcome);
        if (answered) {
            if (replyAudio != null) {
                t.play(origin + VoiceAudio.PATH + VoiceAudio.fileName(replyAudio));
            } else {
                t.say(reply, properties.sayVoice());
            }
            long answeredTurns = previous.stream().filter(Previous::answered).count() + 1;
            if (answeredTurns < properties.maxTurns()) {
                t.record(origin + HANDLE_RECORDING);
            }
            return t.say(ReceptionistSettings.GOODBYE, properties.sayVoice())
                    .hangup()
                    .build();
        }
        int failuresInARow = 1;
        for (int i = previous.size() - 1; i >= 0 && !previous.get(i).answered(); i--) {
            failuresInARow++;
        }
        boolean hopeless = error != null && error.endsWith("not_configured");
        if (failuresInARow >= 2 || hopeless) {
            return goodbye();
        }
        return t.say(ReceptionistSettings.FALLBACK, properties.sayVoice())
                .record(origin + HANDLE_RECORDING)
                .say(ReceptionistSettings.GOODBYE, properties.sayVoice())
                .hangup()
                .build();
    }

    /** A retry of a recording we have (or are still) answering: the same TwiML, never a second turn. */
    private String sameAnswerAsBefore(String recordingSid, String origin, Deadline deadline) {
        while (!deadline.expired()) {
            var stored = turns.find(recordingSid);
            if (stored.isPresent() && stored.get().completed()) {
                log.info("Recording {} delivered again; answered as before", recordingSid);
                return stored.get().twiml();
            }
            try {
                Thread.sleep(RETRY_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        log.warn("Recording {} delivered again while its first delivery is still running", recordingSid);
        return Twiml.response()
                .say(ReceptionistSettings.FALLBACK, properties.sayVoice())
                .record(origin + HANDLE_RECORDING)
                .say(ReceptionistSettings.GOODBYE, properties.sayVoice())
                .hangup()
                .build();
    }

    /** The greeting as our Hebrew speech (cached per text), or Twilio's voice when TTS fails. */
    private void greet(Twiml t, UUID tenantId, String greeting, String origin) {
        Optional<UUID> cached = audio.greeting(tenantId, greeting);
        if (cached.isEmpty()) {
            try {
                var speech = tts.synthesize(greeting, Deadline.in(properties.greetingBudget()));
                cached = Optional.of(audio.storeGreeting(tenantId, greeting, speech.audio(), speech.contentType()));
            } catch (ProviderException e) {
                log.warn(
                        "Greeting speech for tenant {} unavailable ({}); Twilio's voice says it",
                        tenantId,
                        e.summary());
            }
        }
        if (cached.isPresent()) {
            t.play(origin + VoiceAudio.PATH + VoiceAudio.fileName(cached.get()));
        } else {
            t.say(greeting, properties.sayVoice());
        }
    }

    /**
     * The caller's customer: from the local copy of crm's customers, else crm-service's resolve
     * (which files a new lead). When crm cannot answer, the call goes on with the phone only and
     * is linked later.
     */
    private UUID resolveCaller(UUID tenantId, String from, boolean askCrm) {
        Optional<String> phone = PhoneNumbers.normalise(from);
        if (phone.isEmpty()) {
            return null; // anonymous / withheld number
        }
        var local = customers.findByPhone(tenantId, phone.get());
        if (local.isPresent() || !askCrm) {
            return local.map(CustomerDirectory.KnownCustomer::id).orElse(null);
        }
        try {
            return crm.resolve(tenantId, phone.get(), null).customerId();
        } catch (ProviderException | IllegalArgumentException e) {
            log.warn(
                    "Caller {} not resolved now ({}); the call is stored with the phone and linked later",
                    phone.get(),
                    e instanceof ProviderException p ? p.summary() : e.toString());
            return null;
        }
    }

    private Optional<UUID> tenantOf(String to) {
        return PhoneNumbers.normalise(to).flatMap(numbers::tenantOf);
    }

    private String goodbye() {
        return Twiml.response()
                .say(ReceptionistSettings.GOODBYE, properties.sayVoice())
                .hangup()
                .build();
    }

    /** Whisper returns punctuation or nothing for silence and noise. */
    static boolean understood(String transcript) {
        return transcript != null && transcript.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static List<Turn> history(List<Previous> previous) {
        return previous.stream()
                .filter(Previous::answered)
                .map(p -> new Turn(p.transcript(), p.reply()))
                .toList();
    }

    private static <T> T stage(String outcome, Supplier<T> step) {
        try {
            return step.get();
        } catch (ProviderException e) {
            throw new StageFailed(outcome, e);
        }
    }

    private static final class StageFailed extends RuntimeException {
        private final String outcome;
        private final ProviderException cause;

        StageFailed(String outcome, ProviderException cause) {
            super(outcome, cause, false, false);
            this.outcome = outcome;
            this.cause = cause;
        }
    }
}
