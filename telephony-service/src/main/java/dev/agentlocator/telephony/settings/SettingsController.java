package dev.agentlocator.telephony.settings;

import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.features.Features;
import dev.agentlocator.platform.kit.features.RequiresFeature;
import dev.agentlocator.platform.kit.phone.PhoneNumbers;
import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.Roles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The receptionist's greeting and prompt per tenant, the click-to-call forwarding phone, and which
 * providers are live or sandboxed (the SPA shows it, so a sandbox never passes for the real thing).
 */
@RestController
@RequestMapping("/api/calls/settings")
@RequiresFeature(Features.CALLS)
class SettingsController {

    private final ReceptionistSettings settings;
    private final Sandbox sandbox;

    SettingsController(ReceptionistSettings settings, Sandbox sandbox) {
        this.settings = settings;
        this.sandbox = sandbox;
    }

    record SettingsView(
            String greeting,
            String prompt,
            String forwardTo,
            boolean customGreeting,
            boolean customPrompt,
            OffsetDateTime updatedAt,
            boolean sandbox,
            Map<String, Boolean> providers,
            String mode,
            String voice,
            String handoffNumber) {}

    /** A field left out keeps its value; an empty string returns it to the default. */
    record UpdateSettingsRequest(
            @Size(max = 600, message = "הפתיח ארוך מדי (עד 600 תווים)")
            String greeting,

            @Size(max = 4000, message = "ההנחיות ארוכות מדי (עד 4000 תווים)")
            String prompt,

            @Size(max = 32, message = "מספר הטלפון ארוך מדי")
            String forwardTo,

            @Pattern(regexp = "record|streaming", message = "מצב המזכירה אינו תקין")
            String mode,

            @Size(max = 64, message = "שם הקול ארוך מדי")
            @Pattern(regexp = "[A-Za-z0-9_.:-]*", message = "שם הקול אינו תקין")
            String voice,

            @Size(max = 32, message = "מספר הטלפון ארוך מדי")
            String handoffNumber) {}

    @GetMapping
    @PreAuthorize(Roles.CAN_READ)
    SettingsView get(CurrentUser caller) {
        return view(caller);
    }

    @PutMapping
    @PreAuthorize(Roles.CAN_MANAGE)
    SettingsView update(@Valid @RequestBody UpdateSettingsRequest request, CurrentUser caller) {
        String forwardTo = phone("forwardTo", request.forwardTo());
        String handoff = phone("handoffNumber", request.handoffNumber());
        settings.update(
                caller.tenantId(),
                strip(request.greeting()),
                strip(request.prompt()),
                forwardTo,
                new ReceptionistSettings.Streaming(request.mode(), strip(request.voice()), handoff));
        return view(caller);
    }

    /** A phone field: left out (null), emptied ("") or a number we can dial. */
    private static String phone(String field, String value) {
        if (value == null || value.isBlank()) {
            return value;
        }
        return PhoneNumbers.normalise(value)
                .orElseThrow(() -> new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "validation_failed",
                        "חלק מהשדות אינם תקינים",
                        Map.of("fields", Map.of(field, "מספר הטלפון אינו תקין"))));
    }

    private SettingsView view(CurrentUser caller) {
        var s = settings.of(caller.tenantId());
        return new SettingsView(
                s.greeting(),
                s.prompt(),
                s.forwardTo(),
                s.customGreeting(),
                s.customPrompt(),
                s.updatedAt(),
                sandbox.any(),
                sandbox.live(),
                s.mode(),
                s.voice(),
                s.handoffNumber());
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
