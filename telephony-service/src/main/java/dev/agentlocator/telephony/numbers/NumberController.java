package dev.agentlocator.telephony.numbers;

import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.features.Features;
import dev.agentlocator.platform.kit.features.RequiresFeature;
import dev.agentlocator.platform.kit.phone.PhoneNumbers;
import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.Roles;
import dev.agentlocator.telephony.numbers.TenantNumbers.TenantNumber;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's Twilio numbers. Owners see theirs; only the platform admin assigns a number to a
 * tenant (ADR 0007): whoever holds a number receives its callers' recordings, so it is never
 * self-service.
 */
@RestController
@RequestMapping("/api/calls/numbers")
@RequiresFeature(Features.CALLS)
class NumberController {

    static final String BAD_PHONE = "מספר הטלפון אינו תקין";

    private final TenantNumbers numbers;

    NumberController(TenantNumbers numbers) {
        this.numbers = numbers;
    }

    record AssignNumberRequest(
            UUID tenantId,
            @Size(max = 100, message = "התיאור ארוך מדי") String label) {}

    @GetMapping
    @PreAuthorize(Roles.CAN_MANAGE)
    List<TenantNumber> list(CurrentUser caller) {
        return numbers.list(caller.tenantId());
    }

    /** Admin: assigns {@code phone} to {@code tenantId} (default: the admin's own tenant). */
    @PutMapping("/{phone}")
    @PreAuthorize(Roles.IS_ADMIN)
    List<TenantNumber> assign(
            @PathVariable String phone, @Valid @RequestBody AssignNumberRequest request, CurrentUser caller) {
        String e164 = e164(phone);
        UUID tenant = request.tenantId() != null ? request.tenantId() : caller.tenantId();
        if (!numbers.assign(e164, tenant, request.label())) {
            throw ApiException.conflict("number_taken", "המספר כבר משויך לעסק אחר");
        }
        return numbers.list(tenant);
    }

    @DeleteMapping("/{phone}")
    @PreAuthorize(Roles.IS_ADMIN)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void release(@PathVariable String phone, @RequestParam(required = false) UUID tenantId, CurrentUser caller) {
        if (!numbers.release(e164(phone), tenantId != null ? tenantId : caller.tenantId())) {
            throw ApiException.notFound();
        }
    }

    private static String e164(String phone) {
        return PhoneNumbers.normalise(phone)
                .orElseThrow(() -> new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "invalid_phone",
                        BAD_PHONE,
                        Map.of("fields", Map.of("phone", BAD_PHONE))));
    }
}
