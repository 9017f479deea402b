package dev.agentlocator.localstack.checks;

import dev.agentlocator.localstack.ServiceSpec;
import dev.agentlocator.testkit.Api;
import dev.agentlocator.testkit.TwilioSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * The three voice webhooks of SPEC C3 as Twilio calls them: form posts through the gateway, signed
 * the way Twilio documents ("X-Twilio-Signature": HMAC-SHA1 of the URL followed by every
 * parameter's name and value in name order, keyed with the auth token), to the demo tenant's
 * number. Each answer is checked, and so is telephony-service's log line for each webhook.
 */
final class TwilioWebhookChecks {

    static final String GATEWAY = "http://127.0.0.1:" + ServiceSpec.GATEWAY_PORT;

    private final String authToken;
    private final Path telephonyLog;
    private final String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");

    TwilioWebhookChecks(String authToken, Path telephonyLog) {
        this.authToken = authToken;
        this.telephonyLog = telephonyLog;
    }

    String incomingCall() {
        var response = post(
                "/webhook/incoming_call",
                Map.of(
                        "CallSid", callSid,
                        "AccountSid", "ACsmoke",
                        "From", "+972501112233",
                        "To", DemoActivity.DEMO_NUMBER,
                        "CallStatus", "ringing",
                        "Direction", "inbound"));
        String twiml = response.body();
        if (response.status() != 200) {
            return "HTTP " + response.status() + " " + twiml;
        }
        for (String expected :
                new String[] {"<Record", "finishOnKey=\"*\"", "timeout=\"5\"", "maxLength=\"30\"", "handle_recording"
                }) {
            if (!twiml.contains(expected)) {
                return "TwiML without " + expected + ": " + twiml;
            }
        }
        return "";
    }

    /** A one-second recording: too short to transcribe, so the fallback asks again (no provider is needed). */
    String shortRecording() {
        var response = post(
                "/webhook/handle_recording",
                Map.of(
                        "CallSid", callSid,
                        "AccountSid", "ACsmoke",
                        "RecordingSid", "RE" + UUID.randomUUID().toString().replace("-", ""),
                        "RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/ACsmoke/Recordings/REsmoke",
                        "RecordingDuration", "1",
                        "From", "+972501112233",
                        "To", DemoActivity.DEMO_NUMBER));
        if (response.status() != 200 || !response.body().contains("<Record")) {
            return "HTTP " + response.status() + ", expected a fallback that records again: " + response.body();
        }
        return "";
    }

    String callStatus() {
        var response = post(
                "/webhook/call_status",
                Map.of(
                        "CallSid", callSid,
                        "AccountSid", "ACsmoke",
                        "CallStatus", "completed",
                        "CallDuration", "14",
                        "From", "+972501112233",
                        "To", DemoActivity.DEMO_NUMBER));
        return response.status() == 200 && response.body().strip().equals("OK")
                ? ""
                : "HTTP " + response.status() + " " + response.body();
    }

    String forgedIsRefused() {
        var response = Api.at(GATEWAY)
                .withHeader("X-Twilio-Signature", "forged=")
                .send("POST", "/webhook/incoming_call", TwilioSigner.form(Map.of("CallSid", "CAforged")), FORM);
        return response.status() == 403 ? "" : "HTTP " + response.status() + " " + response.body();
    }

    /** Every webhook is visible in the logs (SPEC C3). */
    String logLines() {
        try {
            String log = Files.readString(telephonyLog, StandardCharsets.UTF_8);
            for (String path :
                    new String[] {"/webhook/incoming_call", "/webhook/handle_recording", "/webhook/call_status"}) {
                if (!log.contains("Twilio webhook " + path + " CallSid=" + callSid)) {
                    return "no log line for " + path + " of " + callSid + " in " + telephonyLog;
                }
            }
            return "";
        } catch (IOException e) {
            return "cannot read " + telephonyLog + ": " + e.getMessage();
        }
    }

    private static final String FORM = "application/x-www-form-urlencoded";

    private Api.Response post(String path, Map<String, String> parameters) {
        return Api.at(GATEWAY)
                .withHeader("X-Twilio-Signature", TwilioSigner.sign(authToken, GATEWAY + path, parameters))
                .send("POST", path, TwilioSigner.form(parameters), FORM);
    }
}
