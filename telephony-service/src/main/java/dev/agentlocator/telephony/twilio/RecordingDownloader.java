package dev.agentlocator.telephony.twilio;

import dev.agentlocator.telephony.providers.Deadline;
import dev.agentlocator.telephony.providers.ProviderCalls;
import dev.agentlocator.telephony.providers.ProviderException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Downloads a caller's recording from Twilio with the account's credentials. Only URLs on Twilio's
 * API origin are fetched, so the credentials never go anywhere else.
 */
@Component
public class RecordingDownloader {

    public static final String PROVIDER = "twilio-recordings";

    private final TwilioProperties twilio;
    private final ProviderCalls calls;
    private final int attempts;

    RecordingDownloader(TwilioProperties twilio, ProviderCalls calls) {
        this.twilio = twilio;
        this.calls = calls;
        this.attempts = twilio.downloadAttempts();
    }

    /** The recording as WAV bytes. */
    public byte[] download(String recordingUrl, Deadline deadline) {
        if (!twilio.restConfigured()) {
            throw new ProviderException(PROVIDER, "not_configured", "TWILIO_SID / TWILIO_TOKEN are not set");
        }
        URI uri = wavUri(recordingUrl);
        String credentials = Base64.getEncoder()
                .encodeToString((twilio.accountSid() + ":" + twilio.authToken()).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + credentials)
                .header("Accept", "audio/wav, audio/x-wav, */*")
                .GET();
        byte[] audio = calls.send(PROVIDER, request, twilio.timeout(), deadline, attempts)
                .body();
        if (audio == null || audio.length == 0) {
            throw new ProviderException(PROVIDER, "empty", "the recording has no audio");
        }
        return audio;
    }

    private URI wavUri(String recordingUrl) {
        URI uri;
        try {
            uri = URI.create(recordingUrl);
        } catch (IllegalArgumentException e) {
            throw new ProviderException(PROVIDER, "bad_url", "RecordingUrl is not a URL");
        }
        URI api = URI.create(twilio.apiBaseUrl());
        if (uri.getHost() == null
                || !uri.getHost().equalsIgnoreCase(api.getHost())
                || !String.valueOf(uri.getScheme()).equalsIgnoreCase(api.getScheme())
                || uri.getPort() != api.getPort()) {
            throw new ProviderException(PROVIDER, "foreign_url", "RecordingUrl is not on " + twilio.apiBaseUrl());
        }
        String path = uri.getPath().toLowerCase(Locale.ROOT);
        if (path.endsWith(".wav") || path.endsWith(".mp3")) {
            return uri;
        }
        return URI.create(recordingUrl + ".wav");
    }
}
