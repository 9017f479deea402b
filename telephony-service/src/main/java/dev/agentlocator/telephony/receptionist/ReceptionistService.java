package dev.agentlocator.telephony.receptionist;

import dev.agentlocator.platform.kit.features.Features;
import dev.agentlocator.platform.kit.features.TenantFeatures;
import dev.agentlocator.platform.kit.phone.PhoneNumbers;
import dev.agentlocator.telephony.calls.CallLog;
import dev.agentlocator.telephony.calls.CallService;
import dev.agentlocator.telephony.customers.CustomerDirectory;
import dev.agentlocator.telephony.numbers.TenantNumbers;
import dev.agentlocator.telephony.providers.Deadline;
import dev.agentlocator.telephony.providers.TextToSpeech;
import dev.agentlocator.telephony.receptionist.TurnRepository.Previous;
import dev.agentlocator.telephony.settings.ReceptionistSettings;
import dev.agentlocator.telephony.twilio.TwilioHandshakeSignature;
import dev.agentlocator.telephony.twilio.Twiml;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
    /** Issue 24: the streaming receptionist's WebSocket and the action Twilio requests after it. */
    public static final String RELAY_SOCKET = "/relay/conversation";

    public static final String RELAY_ACTION = "/webhook/relay_action";
    private static final Logger log = LoggerFactory.getLogger(ReceptionistService.class);
    private static final Duration RETRY_POLL = Duration.ofMillis(50);

    private final TenantNumbers numbers;
    private final CallService calls;
    private final CustomerDirectory customers;
    private final ReceptionistSettings settings;
    private final VoiceAudio audio;
    private final TurnRepository turns;
    private final TurnPipeline pipeline;
    private final ReceptionistProperties properties;
    private final TenantFeatures features;
    private final TransactionTemplate transactions;
    private final TurnMetrics metrics;

    ReceptionistService(
            TenantNumbers numbers,
            CallService calls,
            CustomerDirectory customers,
            ReceptionistSettings settings,
            VoiceAudio audio,
            TurnRepository turns,
            TurnPipeline pipeline,
            ReceptionistProperties properties,
            TenantFeatures features,
            TransactionTemplate transactions,
            TurnMetrics metrics) {
        this.features = features;
        this.metrics = metrics;
        this.transactions = transactions;
        this.numbers = numbers;
        this.calls = calls;
        this.customers = customers;
        this.settings = settings;
        this.audio = audio;
        this.turns = turns;
        this.pipeline = pipeline;
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
        Optional<CallLog> known = calls.findBySid(params.callSid());
        CallLog call = known.orElseGet(() -> calls.receiveInbound(
                tenantId,
                params.callSid(),
                params.from(),
                params.to(),
                params.callStatus(),
                customers.caller(tenantId, params.from(), true)));
        var words = settings.of(call.tenantId());
        if (words.streaming()) {
            return Twiml.response()
                    .conversationRelay(
                            TwilioHandshakeSignature.webSocketUrl(origin)
                                    + TwilioHandshakeSignature.socketPath(RELAY_SOCKET, call.to()),
                            origin + RELAY_ACTION,
                            words.greeting(),
                            words.voice())
                    .build();
        }
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
        Optional<CallLog> found = calls.findBySid(c.callSid());
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
                    customers.caller(tenant.get(), c.from(), false)));
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
        var answer = pipeline.answer(call.callSid(), params, words, previous, deadline);
        TextToSpeech.Speech speech = answer.speech();
        UUID replyAudio = speech == null ? null : UUID.randomUUID();
        String outcome = answer.outcome();
        String twiml = twiml(outcome, previous, answer.reply(), replyAudio, origin, answer.error());
        var result = new TurnRepository.Result(
                outcome,
                answer.transcript(),
                answer.reply(),
                replyAudio,
                answer.details(),
                answer.error(),
                deadline.providerTime().toMillis(),
                deadline.elapsed().toMillis(),
                twiml);
        // One commit for the audio, the turn and the call's outcome: the audio exists before any
        // retry of this recording can be answered with the TwiML that points at it.
        transactions.executeWithoutResult(status -> {
            if (replyAudio != null) {
                audio.storeReply(replyAudio, call.tenantId(), result.reply(), speech.audio(), speech.contentType());
            }
            turns.finish(turnId, result);
            calls.recordOutcome(call.id(), result.outcome(), result.error());
            calls.turnFinished(call.id(), turnId);
        });
        metrics.finished(outcome, deadline.elapsed());
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
        boolean answered = TurnRepository.isAnswered(outcome);
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

    /**
     * Issue 24: the streaming session ended without a hand-off or goodbye (the socket failed, or
     * the model did): an apology in Twilio's voice and the record flow from its first recording.
     */
    public String continueInRecordFlow(String origin) {
        return Twiml.response()
                .say(ReceptionistSettings.FALLBACK, properties.sayVoice())
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
        Optional<UUID> speech = audio.greeting(tenantId, greeting);
        if (speech.isPresent()) {
            t.play(origin + VoiceAudio.PATH + VoiceAudio.fileName(speech.get()));
        } else {
            t.say(greeting, properties.sayVoice());
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
}
