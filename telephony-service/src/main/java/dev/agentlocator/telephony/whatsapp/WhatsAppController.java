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
import jakarta.validation.constraints.Size;
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
            String text) {}

    /** Without {@code text}, a short opening line with the customer's name. */
    @PostMapping("/api/customers/{id}/whatsapp/start")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.CAN_WRITE)
    WhatsAppMessage start(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) StartRequest body,
            CurrentUser caller,
            HttpServletRequest request) {
        return whatsApp.send(caller, id, body == null ? null : body.text(), urls.origin(request));
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
