package dev.agentlocator.telephony.receptionist;

import dev.agentlocator.telephony.providers.Deadline;
import dev.agentlocator.telephony.providers.ProviderException;
import dev.agentlocator.telephony.providers.ReplyGenerator;
import dev.agentlocator.telephony.providers.ReplyGenerator.Conversation;
import dev.agentlocator.telephony.providers.ReplyGenerator.Turn;
import dev.agentlocator.telephony.providers.SpeechToText;
import dev.agentlocator.telephony.providers.TextToSpeech;
import dev.agentlocator.telephony.receptionist.ReceptionistService.RecordingParams;
import dev.agentlocator.telephony.receptionist.TurnRepository.Previous;
import dev.agentlocator.telephony.settings.ReceptionistSettings;
import dev.agentlocator.telephony.twilio.RecordingDownloader;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One turn's trip through the providers: download the recording, check its length, transcribe,
 * answer, speak. Never throws: whatever fails becomes the turn's outcome, with what the earlier
 * stages produced kept for the record.
 */
@Component
class TurnPipeline {

    private static final Logger log = LoggerFactory.getLogger(TurnPipeline.class);

    /**
     * @param speech the reply as our Hebrew speech; {@code null} when there is none to play
     * @param error the failed provider's summary ({@code stt: timeout}), or what went wrong inside
     */
    record Answer(
            String outcome,
            String transcript,
            String reply,
            Map<String, Object> details,
            TextToSpeech.Speech speech,
            String error) {}

    private final RecordingDownloader recordings;
    private final SpeechToText stt;
    private final ReplyGenerator replies;
    private final TextToSpeech tts;
    private final ReceptionistProperties properties;

    TurnPipeline(
            RecordingDownloader recordings,
            SpeechToText stt,
            ReplyGenerator replies,
            TextToSpeech tts,
            ReceptionistProperties properties) {
        this.recordings = recordings;
        this.stt = stt;
        this.replies = replies;
        this.tts = tts;
        this.properties = properties;
    }

    Answer answer(
            String callSid,
            RecordingParams params,
            ReceptionistSettings.Settings words,
            List<Previous> previous,
            Deadline deadline) {
        String outcome;
        String transcript = null;
        String reply = null;
        Map<String, Object> details = Map.of();
        String error = null;
        TextToSpeech.Speech speech = null;
        try {
            Integer seconds = params.recordingSeconds();
            if (seconds != null && seconds < properties.minRecordingSeconds()) {
                outcome = "too_short";
            } else {
                byte[] wav = stage(
                        "recording_failed",
                        () -> recordings.download(
                                params.recordingUrl(), params.call().to(), deadline));
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
            log.warn("Call {} turn {}: {} ({})", callSid, params.recordingSid(), outcome, e.cause.getMessage());
        } catch (RuntimeException e) {
            // Our own bug or the database: still a polite fallback, and the turn says so.
            outcome = "error";
            error = "internal: " + e.getClass().getSimpleName();
            log.error("Call {} turn {} failed unexpectedly", callSid, params.recordingSid(), e);
        }
        return new Answer(outcome, transcript, reply, details, speech, error);
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
