package dev.agentlocator.telephony.whatsapp;

import dev.agentlocator.platform.kit.features.Features;
import dev.agentlocator.platform.kit.features.RequiresFeature;
import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.Roles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The owner's WhatsApp senders (ADR 0019); the Settings screen for them comes with issue 18. */
@RestController
@RequestMapping("/api/whatsapp/senders")
@RequiresFeature(Features.WHATSAPP)
@PreAuthorize(Roles.OWNER_ONLY)
class SenderController {

    private final SenderService senders;

    SenderController(SenderService senders) {
        this.senders = senders;
    }

    /**
     * @param address {@code whatsapp:+E164}, {@code +E164} or an Israeli number, or a Messaging
     *     Service SID ({@code MG…})
     */
    record RegisterSenderRequest(
            @NotBlank(message = SenderService.INVALID) @Size(max = 64, message = SenderService.INVALID)
            String address,

            @Size(max = 100, message = "התיאור ארוך מדי") String label) {}

    @GetMapping
    List<WhatsAppSender> list(CurrentUser caller) {
        return senders.list(caller.tenantId());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    WhatsAppSender register(@Valid @RequestBody RegisterSenderRequest request, CurrentUser caller) {
        return senders.register(caller.tenantId(), request.address(), request.label());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable UUID id, CurrentUser caller) {
        senders.remove(caller.tenantId(), id);
    }
}
