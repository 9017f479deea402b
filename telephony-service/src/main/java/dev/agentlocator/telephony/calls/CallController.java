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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
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
    private static final Set<String> OUTCOMES = Set.of(CallFilter.ANSWERED, CallFilter.MISSED);
    /** Israeli offices: a day of the call list is a day in Israel. */
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Jerusalem");

    private final CallService calls;
    private final ClickToCall clickToCall;
    private final PublicUrls urls;

    CallController(CallService calls, ClickToCall clickToCall, PublicUrls urls) {
        this.calls = calls;
        this.clickToCall = clickToCall;
        this.urls = urls;
    }

    /**
     * {@code customerId} narrows to one customer, {@code outcome} to answered or missed calls,
     * {@code from} / {@code to} (days, both included, in the business's time zone) to a range;
     * newest first unless {@code sort} says otherwise.
     */
    @GetMapping("/api/calls")
    @PreAuthorize(Roles.CAN_READ)
    Page<CallLog> list(
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String customerId,
            @RequestParam(required = false) String direction,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String sort,
            CurrentUser caller) {
        if (direction != null && !direction.isBlank() && !DIRECTIONS.contains(direction)) {
            throw invalid("direction", "כיוון לא מוכר: אפשר inbound או outbound");
        }
        if (outcome != null && !outcome.isBlank() && !OUTCOMES.contains(outcome)) {
            throw invalid("outcome", "תוצאה לא מוכרת: אפשר answered או missed");
        }
        OffsetDateTime start = day(from, "from");
        OffsetDateTime end = day(to, "to");
        if (start != null && end != null && end.isBefore(start)) {
            throw invalid("to", "תאריך הסיום מוקדם מתאריך ההתחלה");
        }
        var filter = new CallFilter(
                uuid(customerId, "customerId"),
                direction == null || direction.isBlank() ? null : direction,
                status == null || status.isBlank() ? null : status.strip(),
                outcome == null || outcome.isBlank() ? null : outcome,
                start,
                end == null ? null : end.plusDays(1));
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

    /** The start of a day ({@code 2026-03-10}) in the business's calendar. */
    private static OffsetDateTime day(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).atStartOfDay(BUSINESS_ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw invalid(parameter, "תאריך לא תקין בפרמטר " + parameter + " (YYYY-MM-DD)");
        }
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
