package dev.agentlocator.telephony.twilio;

import dev.agentlocator.telephony.providers.Deadline;
import dev.agentlocator.telephony.providers.ProviderCalls;
import dev.agentlocator.telephony.providers.ProviderException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Downloads a caller's recording from Twilio with the account's credentials. Only URLs on Twilio's
 * API origin are fetched, so the credentials never go anywhere else.
 */
@Component
public class RecordingDownloader {

    public static final String PROVIDER = "twilio-recordings";
    private static final String ACCOUNTS = "/2010-04-01/Accounts/";

    private final TwilioProperties twilio;
    private final ProviderCalls calls;
    private final ObjectProvider<WebhookAccounts> accounts;
    private final int attempts;

    RecordingDownloader(TwilioProperties twilio, ProviderCalls calls, ObjectProvider<WebhookAccounts> accounts) {
        this.twilio = twilio;
        this.calls = calls;
        this.accounts = accounts;
        this.attempts = twilio.downloadAttempts();
    }

    /**
     * The recording of a call to {@code dialled} as WAV bytes. A number connected through a tenant's
     * own Twilio account (ADR 0032) keeps its recordings there: they are fetched with that account's
     * credentials, and only from that account's path, so a webhook cannot point us at another
     * account's recording.
     */
    public byte[] download(String recordingUrl, String dialled, Deadline deadline) {
        WebhookAccounts lookup = accounts.getIfAvailable();
        Optional<WebhookAccounts.OwnAccount> own =
                dialled == null || lookup == null ? Optional.empty() : lookup.ownAccountOf(dialled);
        if (own.isEmpty() && !twilio.restConfigured()) {
            throw new ProviderException(PROVIDER, "not_configured", "TWILIO_SID / TWILIO_TOKEN are not set");
        }
        URI uri = wavUri(recordingUrl);
        if (own.isPresent() && !uri.getPath().startsWith(ACCOUNTS + own.get().accountSid() + "/")) {
            throw new ProviderException(PROVIDER, "foreign_account", "RecordingUrl is not on the number's account");
        }
        String user = own.map(WebhookAccounts.OwnAccount::accountSid).orElse(twilio.accountSid());
        String password = own.map(WebhookAccounts.OwnAccount::authToken).orElse(twilio.authToken());
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
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
