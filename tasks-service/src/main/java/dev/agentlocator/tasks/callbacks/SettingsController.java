package dev.agentlocator.tasks.callbacks;

import dev.agentlocator.platform.kit.features.Features;
import dev.agentlocator.platform.kit.features.RequiresFeature;
import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.Roles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The owner's call-back settings: response time, on-duty agent, business hours (ADR 0027). */
@RestController
@RequestMapping("/api/tasks/settings")
@RequiresFeature(Features.TASKS)
class SettingsController {

    static final String TIME = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
    static final String BAD_TIME = "שעה בתבנית HH:MM, למשל 09:00";

    private final SettingsService settings;

    SettingsController(SettingsService settings) {
        this.settings = settings;
    }

    /**
     * @param businessHours by day ({@code sunday} … {@code saturday}); a day that is absent or null
     *     is closed
     */
    record SettingsView(int responseMinutes, UUID onDutyUserId, Map<String, DayHours> businessHours, String timeZone) {}

    record DayHours(
            @NotNull(message = BAD_TIME) @Pattern(regexp = TIME, message = BAD_TIME)
            String open,

            @NotNull(message = BAD_TIME) @Pattern(regexp = TIME, message = BAD_TIME)
            String close) {}

    record UpdateSettingsRequest(
            @NotNull(message = "יש להזין זמן תגובה בדקות")
            @Min(value = 1, message = "זמן התגובה הוא בין דקה אחת ל־1440 דקות")
            @Max(value = 1440, message = "זמן התגובה הוא בין דקה אחת ל־1440 דקות")
            Integer responseMinutes,

            UUID onDutyUserId,

            @NotNull(message = "יש להזין שעות פעילות") @Size(max = 7, message = "שבעה ימים לכל היותר")
            Map<String, @Valid DayHours> businessHours) {}

    @GetMapping
    @PreAuthorize(Roles.OWNER_ONLY)
    SettingsView get(CurrentUser caller) {
        return settings.view(caller.tenantId());
    }

    @PutMapping
    @PreAuthorize(Roles.OWNER_ONLY)
    SettingsView update(@Valid @RequestBody UpdateSettingsRequest request, CurrentUser caller) {
        return settings.update(caller.tenantId(), request);
    }
}
