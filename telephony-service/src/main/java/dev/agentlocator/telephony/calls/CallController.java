package dev.agentlocator.telephony.calls;

import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.features.Features;
import dev.agentlocator.platform.kit.features.RequiresFeature;
import dev.agentlocator.platform.kit.paging.Page;
import dev.agentlocator.platform.kit.paging.PageRequest;
import dev.agentlocator.platform.kit.paging.SortOrder;
import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.Roles;
import dev.agentlocator.telephony.twilio.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Set;
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

/** Call logs for the SPA (paged, per customer) and click-to-call from the customer page. */
@RestController
@RequiresFeature(Features.CALLS)
class CallController {

    private static final Set<String> DIRECTIONS = Set.of(CallLog.INBOUND, CallLog.OUTBOUND);

    private final CallService calls;
    private final ClickToCall clickToCall;
    private final PublicUrls urls;

    CallController(CallService calls, ClickToCall clickToCall, PublicUrls urls) {
        this.calls = calls;
        this.clickToCall = clickToCall;
        this.urls = urls;
    }

    /** {@code customerId} narrows to one customer; newest first unless {@code sort} says otherwise. */
    @GetMapping("/api/calls")
    @PreAuthorize(Roles.CAN_READ)
    Page<CallLog> list(
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String customerId,
            @RequestParam(required = false) String direction,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String sort,
            CurrentUser caller) {
        if (direction != null && !direction.isBlank() && !DIRECTIONS.contains(direction)) {
            throw invalid("direction", "כיוון לא מוכר: אפשר inbound או outbound");
        }
        var filter = new CallFilter(
                uuid(customerId, "customerId"),
                direction == null || direction.isBlank() ? null : direction,
                status == null || status.isBlank() ? null : status.strip());
        return calls.list(
                caller.tenantId(),
                filter,
                SortOrder.parse(sort, CallRepository.SORTABLE),
                PageRequest.parse(page, limit));
    }

    /** By our id or by Twilio's CallSid (the timeline links with the sid). */
    @GetMapping("/api/calls/{id}")
    @PreAuthorize(Roles.CAN_READ)
    CallDetail get(@PathVariable String id, CurrentUser caller, HttpServletRequest request) {
        return calls.detail(caller.tenantId(), id, urls.absolute(request, "/static/voice_responses/"));
    }

    record StartCallRequest(
            @Size(max = 32, message = "מספר הטלפון ארוך מדי")
            String agentPhone) {}

    /**
     * Rings the agent (the body's {@code agentPhone}, else the tenant's forwarding number) and,
     * when they answer, the customer. Without Twilio credentials the call is stored as a sandbox
     * call and nothing rings.
     */
    @PostMapping("/api/customers/{id}/call/start")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.CAN_WRITE)
    CallLog start(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) StartCallRequest body,
            CurrentUser caller,
            HttpServletRequest request) {
        return clickToCall.start(caller, id, body == null ? null : body.agentPhone(), urls.origin(request));
    }

    private static UUID uuid(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(parameter, "מזהה לא תקין בפרמטר " + parameter);
        }
    }

    private static ApiException invalid(String parameter, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_parameter", message, Map.of("parameter", parameter));
    }
}
