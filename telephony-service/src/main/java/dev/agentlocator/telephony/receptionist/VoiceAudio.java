package dev.agentlocator.telephony.receptionist;

import dev.agentlocator.telephony.providers.Deadline;
import dev.agentlocator.telephony.providers.ProviderException;
import dev.agentlocator.telephony.providers.TextToSpeech;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Generated speech in the database, so whichever instance Twilio's fetch reaches can serve it.
 * Greetings are cached per tenant and text; replies expire after the retention period.
 */
@Component
public class VoiceAudio {

    public static final String PATH = "/static/voice_responses/";
    private static final Logger log = LoggerFactory.getLogger(VoiceAudio.class);

    public record Audio(byte[] bytes, String contentType) {}

    private final VoiceAudioRepository audio;
    private final TextToSpeech tts;
    private final Duration greetingBudget;
    private final Duration retention;

    VoiceAudio(VoiceAudioRepository audio, TextToSpeech tts, ReceptionistProperties properties) {
        this.audio = audio;
        this.tts = tts;
        this.greetingBudget = properties.greetingBudget();
        this.retention = properties.audioRetention();
    }

    public static String fileName(UUID id) {
        return id + ".mp3";
    }

    /**
     * The tenant's greeting as our Hebrew speech: cached per text, else synthesised within the
     * greeting budget and stored. Empty when text-to-speech fails; Twilio's voice says it then.
     */
    Optional<UUID> greeting(UUID tenantId, String text) {
        Optional<UUID> cached = audio.greeting(tenantId, text);
        if (cached.isPresent()) {
            return cached;
        }
        try {
            var speech = tts.synthesize(text, Deadline.in(greetingBudget));
            UUID id = UUID.randomUUID();
            audio.insertGreeting(id, tenantId, text, speech.audio(), speech.contentType());
            return Optional.of(audio.greeting(tenantId, text).orElse(id));
        } catch (ProviderException e) {
            log.warn("Greeting speech for tenant {} unavailable ({}); Twilio's voice says it", tenantId, e.summary());
            return Optional.empty();
        }
    }

    void storeReply(UUID id, UUID tenantId, String text, byte[] bytes, String contentType) {
        audio.insertReply(id, tenantId, text, bytes, contentType);
    }

    Optional<Audio> load(UUID id) {
        return audio.load(id);
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void expireReplies() {
        int deleted = audio.deleteRepliesOlderThan(retention);
        if (deleted > 0) {
            log.info("Deleted {} reply recordings older than {}", deleted, retention);
        }
    }
}
