package dev.agentlocator.billing.settings;

import dev.agentlocator.billing.settings.AllocationThresholds.Schedule;
import dev.agentlocator.billing.settings.AllocationThresholds.Threshold;
import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The owner's Israel Invoices threshold schedule (SPEC C7, C15). */
@RestController
@RequestMapping({"/api/invoices/settings/allocation-thresholds", "/api/billing/settings/allocation-thresholds"})
@PreAuthorize(Roles.OWNER_ONLY)
class AllocationThresholdController {

    record ThresholdRequest(
            @NotNull(message = "יש להזין תאריך תחולה") LocalDate effectiveFrom,

            @NotNull(message = "יש להזין סכום סף")
            @Min(value = 0, message = "סכום הסף אינו יכול להיות שלילי")
            @Max(value = 100_000_000_000L, message = "סכום הסף גדול מדי")
            Long thresholdAgorot) {}

    record ReplaceThresholdsRequest(
            @NotNull(message = "יש לשלוח רשימת ספים (רשימה ריקה מחזירה את הלוח שבחוק)")
            @Size(max = 50, message = "אפשר עד 50 ספים")
            List<@Valid @NotNull(message = "שורה ריקה") ThresholdRequest> thresholds) {}

    private final AllocationThresholds thresholds;

    AllocationThresholdController(AllocationThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @GetMapping
    @Operation(summary = "The threshold schedule in force for the tenant, and the law's default beside it")
    Schedule get(CurrentUser caller) {
        return thresholds.schedule(caller.tenantId());
    }

    @PutMapping
    @Operation(summary = "Replaces the tenant's threshold schedule; an empty list returns to the law's")
    Schedule replace(@Valid @RequestBody ReplaceThresholdsRequest request, CurrentUser caller) {
        return thresholds.replace(
                caller.tenantId(),
                request.thresholds().stream()
                        .map(t -> new Threshold(t.effectiveFrom(), t.thresholdAgorot()))
                        .toList());
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Returns the tenant to the law's threshold schedule")
    void reset(CurrentUser caller) {
        thresholds.replace(caller.tenantId(), List.of());
    }
}
