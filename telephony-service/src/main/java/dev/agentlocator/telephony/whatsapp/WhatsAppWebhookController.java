package dev.agentlocator.telephony.whatsapp;

import dev.agentlocator.telephony.twilio.TwilioWebhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's WhatsApp webhooks (signed, see {@code TwilioSignatureFilter}): inbound messages and
 * delivery statuses. Both answer 200; the inbound one with an empty TwiML (no automatic reply).
 */
@RestController
@TwilioWebhook
class WhatsAppWebhookController {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhookController.class);
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private final WhatsAppService whatsApp;

    WhatsAppWebhookController(WhatsAppService whatsApp) {
        this.whatsApp = whatsApp;
    }

    @PostMapping("/webhook/whatsapp_incoming")
    ResponseEntity<String> incoming(
            @RequestParam(name = "MessageSid") String messageSid,
            @RequestParam(name = "From") String from,
            @RequestParam(name = "To") String to,
            @RequestParam(name = "MessagingServiceSid", required = false) String messagingServiceSid,
            @RequestParam(name = "Body", required = false) String body,
            @RequestParam(name = "NumMedia", required = false) String numMedia,
            @RequestParam(name = "ProfileName", required = false) String profileName) {
        int media = 0;
        try {
            media = numMedia == null ? 0 : Integer.parseInt(numMedia.strip());
        } catch (NumberFormatException e) {
            media = 0;
        }
        try {
            whatsApp.received(messageSid, from, to, messagingServiceSid, body, media, profileName);
        } catch (RuntimeException e) {
            log.error("Inbound WhatsApp {} failed", messageSid, e);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(EMPTY_TWIML);
    }

    @PostMapping(value = "/webhook/whatsapp_status", produces = MediaType.TEXT_PLAIN_VALUE)
    String status(
            @RequestParam(name = "MessageSid") String messageSid,
            @RequestParam(name = "MessageStatus") String status,
            @RequestParam(name = "ErrorCode", required = false) String errorCode) {
        try {
            whatsApp.statusChanged(messageSid, status, errorCode);
        } catch (RuntimeException e) {
            log.error("WhatsApp status {} for {} failed", status, messageSid, e);
        }
        return "OK";
    }
}
