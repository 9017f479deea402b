package dev.agentlocator.notification.inbox;

import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.Roles;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The bell: the caller's alerts, newest first, with the unread count. */
// People of the business only: a service token (ADR 0004) has no inbox.
@PreAuthorize(Roles.CAN_READ)
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    Inbox inbox(@RequestParam(required = false) String limit, CurrentUser caller) {
        return notifications.inbox(caller.tenantId(), caller.userId(), limit(limit));
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(@PathVariable UUID id, CurrentUser caller) {
        notifications.markRead(caller.tenantId(), caller.userId(), id);
    }

    @PostMapping("/read-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void readAll(CurrentUser caller) {
        notifications.markAllRead(caller.tenantId(), caller.userId());
    }

    /** Capped rather than refused, like the other lists of the API. */
    private static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return NotificationService.DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= 1) {
                return Math.min(value, NotificationService.MAX_LIMIT);
            }
        } catch (NumberFormatException e) {
            // fall through to the 400 below
        }
        throw new ApiException(
                HttpStatus.BAD_REQUEST,
                "invalid_paging",
                "מספר הפריטים חייב להיות מספר שלם, 1 ומעלה",
                Map.of("parameter", "limit"));
    }
}
