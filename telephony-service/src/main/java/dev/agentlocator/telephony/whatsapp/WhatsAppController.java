package dev.agentlocator.telephony.whatsapp;

import dev.agentlocator.platform.kit.features.Features;
import dev.agentlocator.platform.kit.features.RequiresFeature;
import dev.agentlocator.platform.kit.paging.Page;
import dev.agentlocator.platform.kit.paging.PageRequest;
import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.Roles;
import dev.agentlocator.telephony.twilio.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** SPEC C4: send from the customer page, and the conversation thread (newest first, paged). */
@RestController
@RequiresFeature(Features.WHATSAPP)
class WhatsAppController {

    private final WhatsAppService whatsApp;
    private final PublicUrls urls;

    WhatsAppController(WhatsAppService whatsApp, PublicUrls urls) {
        this.whatsApp = whatsApp;
        this.urls = urls;
    }

    record StartRequest(
            @Size(max = 1600, message = "ההודעה ארוכה מדי (עד 1600 תווים)")
            String text,

            String purpose) {}

    /**
     * Without {@code text}, a short opening line with the customer's name; outside the 24-hour
     * window the template of {@code purpose} (default {@code opening}) instead.
     */
    @PostMapping("/api/customers/{id}/whatsapp/start")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.CAN_WRITE)
    WhatsAppMessage start(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) StartRequest body,
            CurrentUser caller,
            HttpServletRequest request) {
        return whatsApp.send(
                caller,
                id,
                body == null ? null : body.text(),
                body == null ? null : body.purpose(),
                urls.origin(request));
    }

    record TemplateSendRequest(
            @NotBlank(message = "יש לבחור מטרה") String purpose,
            Map<String, @Size(max = 500, message = "הערך ארוך מדי") String> values) {}

    /** An approved template for a purpose (the only send outside the 24-hour window). */
    @PostMapping("/api/customers/{id}/whatsapp/template")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.CAN_WRITE)
    WhatsAppMessage template(
            @PathVariable UUID id,
            @Valid @RequestBody TemplateSendRequest body,
            CurrentUser caller,
            HttpServletRequest request) {
        return whatsApp.sendTemplate(caller, id, body.purpose(), body.values(), urls.origin(request));
    }

    record Preview(String purpose, String contentSid, String name, Map<String, String> variables, String text) {}

    /** The template as this customer would get it, in Hebrew, before sending. */
    @PostMapping("/api/customers/{id}/whatsapp/template/preview")
    @PreAuthorize(Roles.CAN_READ)
    Preview preview(@PathVariable UUID id, @Valid @RequestBody TemplateSendRequest body, CurrentUser caller) {
        var filled = whatsApp.preview(caller.tenantId(), id, body.purpose(), body.values());
        return new Preview(filled.purpose(), filled.contentSid(), filled.name(), filled.variables(), filled.text());
    }

    record ConversationState(
            boolean windowOpen,
            OffsetDateTime windowClosesAt,
            OffsetDateTime lastInboundAt,
            boolean optedOut,
            UUID assignedTo,
            int unreadCount) {}

    /** The composer's state: is the 24-hour window open and until when, opt-out, assignment. */
    @GetMapping("/api/customers/{id}/whatsapp/conversation")
    @PreAuthorize(Roles.CAN_READ)
    ConversationState conversation(@PathVariable UUID id, CurrentUser caller) {
        return whatsApp.conversation(caller.tenantId(), id)
                .map(c -> new ConversationState(
                        c.windowOpen(),
                        c.windowOpen() ? c.windowClosesAt() : null,
                        c.lastInboundAt(),
                        c.optedOut(),
                        c.assignedTo(),
                        c.unreadCount()))
                .orElse(new ConversationState(false, null, null, false, null, 0));
    }

    /** The inbox: every conversation, newest first ({@code filter}: all, mine, unassigned, unread). */
    @GetMapping("/api/whatsapp/conversations")
    @PreAuthorize(Roles.CAN_READ)
    Page<Conversation> inbox(
            @RequestParam(required = false) String filter,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String limit,
            CurrentUser caller) {
        return whatsApp.inbox(caller, filter, PageRequest.parse(page, limit));
    }

    @PostMapping("/api/whatsapp/conversations/{phone}/read")
    @PreAuthorize(Roles.CAN_READ)
    Conversation read(@PathVariable String phone, CurrentUser caller) {
        return whatsApp.markRead(caller.tenantId(), phone);
    }

    record AssignRequest(UUID agentId) {}

    /** Take (no body, or the caller's id) or hand over to another agent; {@code agentId: null} in a body unassigns. */
    @PostMapping("/api/whatsapp/conversations/{phone}/assign")
    @PreAuthorize(Roles.CAN_WRITE)
    Conversation assign(
            @PathVariable String phone, @RequestBody(required = false) AssignRequest body, CurrentUser caller) {
        return whatsApp.assign(caller.tenantId(), phone, body == null ? caller.userId() : body.agentId());
    }

    @GetMapping("/api/customers/{id}/whatsapp/messages")
    @PreAuthorize(Roles.CAN_READ)
    Page<WhatsAppMessage> thread(
            @PathVariable UUID id,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String limit,
            CurrentUser caller) {
        return whatsApp.thread(caller.tenantId(), id, PageRequest.parse(page, limit));
    }

    @GetMapping("/api/whatsapp/messages")
    @PreAuthorize(Roles.CAN_READ)
    Page<WhatsAppMessage> list(
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String limit,
            CurrentUser caller) {
        return whatsApp.list(caller.tenantId(), PageRequest.parse(page, limit));
    }
}
