package dev.agentlocator.telephony.receptionist;

import dev.agentlocator.platform.kit.errors.ApiException;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Public: Twilio fetches the greeting and every reply from here while the caller listens. */
@RestController
class StaticAudioController {

    private final VoiceAudio audio;

    StaticAudioController(VoiceAudio audio) {
        this.audio = audio;
    }

    @GetMapping(VoiceAudio.PATH + "{file}")
    ResponseEntity<byte[]> audio(@PathVariable String file) {
        if (!file.endsWith(".mp3")) {
            throw ApiException.notFound();
        }
        UUID id;
        try {
            id = UUID.fromString(file.substring(0, file.length() - 4));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound();
        }
        var found = audio.load(id).orElseThrow(ApiException::notFound);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(found.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .body(found.bytes());
    }
}
