package dev.agentlocator.telephony.receptionist;

import dev.agentlocator.telephony.calls.CallLog;
import dev.agentlocator.telephony.calls.CallService;
import dev.agentlocator.telephony.providers.Deadline;
import dev.agentlocator.telephony.receptionist.ReceptionistService.CallParams;
import dev.agentlocator.telephony.receptionist.ReceptionistService.RecordingParams;
import dev.agentlocator.telephony.settings.ReceptionistSettings;
import dev.agentlocator.telephony.twilio.PublicUrls;
import dev.agentlocator.telephony.twilio.TwilioWebhook;
import dev.agentlocator.telephony.twilio.Twiml;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * SPEC C3's three voice webhooks (plus the click-to-call bridge). Only signed requests get here
 * ({@code TwilioSignatureFilter}). Each answers 200 with TwiML (call_status with {@code OK}); an
 * unexpected failure still answers a polite goodbye, never a 500 the caller would hear as silence.
 */
@RestController
@TwilioWebhook
class VoiceWebhookController {

    private static final Logger log = LoggerFactory.getLogger(VoiceWebhookController.class);
    private static final MediaType XML = MediaType.parseMediaType(Twiml.CONTENT_TYPE);

    private final ReceptionistService receptionist;
    private final CallService calls;
    private final PublicUrls urls;
    private final ReceptionistProperties properties;

    VoiceWebhookController(
            ReceptionistService receptionist, CallService calls, PublicUrls urls, ReceptionistProperties properties) {
        this.receptionist = receptionist;
        this.calls = calls;
        this.urls = urls;
        this.properties = properties;
    }

    @PostMapping("/webhook/incoming_call")
    ResponseEntity<String> incomingCall(
            @RequestParam(name = "CallSid") String callSid,
            @RequestParam(name = "From", required = false) String from,
            @RequestParam(name = "To") String to,
            @RequestParam(name = "CallStatus", required = false) String status,
            HttpServletRequest request) {
        return twiml(() -> receptionist.incomingCall(
                new CallParams(callSid, from == null ? "" : from, to, status), urls.origin(request)));
    }

    @PostMapping("/webhook/handle_recording")
    ResponseEntity<String> handleRecording(
            @RequestParam(name = "CallSid") String callSid,
            @RequestParam(name = "From", required = false) String from,
            @RequestParam(name = "To", required = false) String to,
            @RequestParam(name = "CallStatus", required = false) String status,
            @RequestParam(name = "RecordingSid", required = false) String recordingSid,
            @RequestParam(name = "RecordingUrl", required = false) String recordingUrl,
            @RequestParam(name = "RecordingDuration", required = false) String recordingDuration,
            HttpServletRequest request) {
        Deadline deadline = Deadline.in(properties.turnDeadline());
        String sid = recordingSid != null && !recordingSid.isBlank() ? recordingSid : sidFromUrl(recordingUrl);
        return twiml(() -> receptionist.handleRecording(
                new RecordingParams(
                        new CallParams(callSid, from == null ? "" : from, to == null ? "" : to, status),
                        sid,
                        recordingUrl,
                        seconds(recordingDuration)),
                urls.origin(request),
                deadline));
    }

    @PostMapping(value = "/webhook/call_status", produces = MediaType.TEXT_PLAIN_VALUE)
    String callStatus(
            @RequestParam(name = "CallSid", required = false) String callSid,
            @RequestParam(name = "CallStatus", required = false) String status,
            @RequestParam(name = "CallDuration", required = false) String duration) {
        try {
            calls.statusChanged(callSid, status, seconds(duration));
        } catch (RuntimeException e) {
            log.error("call_status for {} ({}) failed", callSid, status, e);
        }
        return "OK";
    }

    /** Click-to-call: the agent answered; now ring the customer from the business's number. */
    @PostMapping("/webhook/outbound_connect")
    ResponseEntity<String> outboundConnect(@RequestParam(name = "call") String callId) {
        return twiml(() -> {
            CallLog call =
                    parse(callId) == null ? null : calls.find(parse(callId)).orElse(null);
            if (call == null || !CallLog.OUTBOUND.equals(call.direction())) {
                return Twiml.response()
                        .say(ReceptionistSettings.NOT_IN_SERVICE, properties.sayVoice())
                        .hangup()
                        .build();
            }
            return Twiml.response().dial(call.from(), call.to()).build();
        });
    }

    private ResponseEntity<String> twiml(Supplier<String> body) {
        String xml;
        try {
            xml = body.get();
        } catch (RuntimeException e) {
            log.error("Voice webhook failed; answering with a polite goodbye", e);
            xml = Twiml.response()
                    .say(ReceptionistSettings.GOODBYE, properties.sayVoice())
                    .hangup()
                    .build();
        }
        return ResponseEntity.ok().contentType(XML).body(xml);
    }

    /** Twilio's RecordingUrl ends with the RecordingSid ({@code …/Recordings/RE…}). */
    static String sidFromUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String last = url.substring(url.lastIndexOf('/') + 1);
        int dot = last.indexOf('.');
        return dot < 0 ? last : last.substring(0, dot);
    }

    static Integer seconds(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
