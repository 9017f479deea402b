package dev.agentlocator.telephony.relay;

import dev.agentlocator.telephony.calls.CallLog;
import dev.agentlocator.telephony.calls.CallService;
import dev.agentlocator.telephony.receptionist.ReceptionistProperties;
import dev.agentlocator.telephony.receptionist.ReceptionistService;
import dev.agentlocator.telephony.settings.ReceptionistSettings;
import dev.agentlocator.telephony.twilio.PublicUrls;
import dev.agentlocator.telephony.twilio.TwilioWebhook;
import dev.agentlocator.telephony.twilio.Twiml;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the call does after the ConversationRelay session (the {@code <Connect action>} URL, issue
 * 24): our {@code end} with a hand-off → dial the hand-off number, the agent first hearing the
 * summary; with {@code end} → hang up (the goodbye was spoken); anything else (the socket never
 * opened or broke, the model failed) → the record flow, so the call goes on instead of dropping.
 */
@RestController
@TwilioWebhook
class RelayActionController {

    static final String WHISPER = "/webhook/relay_whisper";
    static final String WHISPER_INTRO = "שיחה מהמזכירה הדיגיטלית. ";
    private static final Logger log = LoggerFactory.getLogger(RelayActionController.class);
    private static final MediaType XML = MediaType.parseMediaType(Twiml.CONTENT_TYPE);

    private final CallService calls;
    private final ReceptionistSettings settings;
    private final ReceptionistService receptionist;
    private final ReceptionistProperties properties;
    private final PublicUrls urls;
    private final JsonMapper json;

    RelayActionController(
            CallService calls,
            ReceptionistSettings settings,
            ReceptionistService receptionist,
            ReceptionistProperties properties,
            PublicUrls urls,
            JsonMapper json) {
        this.calls = calls;
        this.settings = settings;
        this.receptionist = receptionist;
        this.properties = properties;
        this.urls = urls;
        this.json = json;
    }

    @PostMapping(ReceptionistService.RELAY_ACTION)
    ResponseEntity<String> action(
            @RequestParam(name = "CallSid") String callSid,
            @RequestParam(name = "SessionStatus", required = false) String sessionStatus,
            @RequestParam(name = "HandoffData", required = false) String handoffData,
            HttpServletRequest request) {
        String origin = urls.origin(request);
        String xml;
        try {
            xml = afterSession(callSid, sessionStatus, handoffData, origin);
        } catch (RuntimeException e) {
            log.error("relay_action for {} failed; the record flow takes over", callSid, e);
            xml = receptionist.continueInRecordFlow(origin);
        }
        return ResponseEntity.ok().contentType(XML).body(xml);
    }

    /** The agent's side of a hand-off, before the caller is connected: the summary, spoken. */
    @PostMapping(WHISPER)
    ResponseEntity<String> whisper(@RequestParam(name = "summary", required = false) String summary) {
        String text = WHISPER_INTRO + (summary == null ? "" : summary.strip());
        return ResponseEntity.ok()
                .contentType(XML)
                .body(Twiml.response().say(text, properties.sayVoice()).build());
    }

    private String afterSession(String callSid, String sessionStatus, String handoffData, String origin) {
        Optional<CallLog> call = calls.findBySid(callSid);
        JsonNode data = parse(handoffData);
        String reason = data.path("reasonCode").asString("");
        log.info("Relay session of {} ended: status {}, reason '{}'", callSid, sessionStatus, reason);
        if (call.isEmpty()) {
            return Twiml.response()
                    .say(ReceptionistSettings.GOODBYE, properties.sayVoice())
                    .hangup()
                    .build();
        }
        if (RelayTools.Ending.END.equals(reason)) {
            return Twiml.response().hangup().build();
        }
        if (RelayTools.Ending.HANDOFF.equals(reason)) {
            String number = RelayTools.handOffNumber(settings.of(call.get().tenantId()));
            if (number != null) {
                String summary = data.path("summary").asString("");
                if (summary.length() > RelayTools.MAX_SUMMARY) {
                    summary = summary.substring(0, RelayTools.MAX_SUMMARY);
                }
                String whisper = origin + WHISPER + "?summary=" + URLEncoder.encode(summary, StandardCharsets.UTF_8);
                return Twiml.response()
                        .dialWithWhisper(call.get().to(), number, whisper)
                        .say(ReceptionistSettings.GOODBYE, properties.sayVoice())
                        .hangup()
                        .build();
            }
        }
        return receptionist.continueInRecordFlow(origin);
    }

    private JsonNode parse(String handoffData) {
        if (handoffData == null || handoffData.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(handoffData);
            return node != null && node.isObject() ? node : json.createObjectNode();
        } catch (JacksonException e) {
            return json.createObjectNode();
        }
    }
}
