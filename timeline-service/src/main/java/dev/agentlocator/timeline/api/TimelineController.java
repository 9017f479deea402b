package dev.agentlocator.timeline.api;

import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.Roles;
import dev.agentlocator.timeline.api.TimelineViews.TimelinePage;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

// People of the business only: a service token (ADR 0004) never reads as a user.
@PreAuthorize(Roles.CAN_READ)
@RestController
class TimelineController {

    private final TimelineService timeline;

    TimelineController(TimelineService timeline) {
        this.timeline = timeline;
    }

    /** SPEC C8: {@code ?kinds=call,whatsapp&limit=100&before=<cursor>}. */
    @GetMapping("/api/customers/{id}/timeline")
    TimelinePage timeline(
            @PathVariable UUID id,
            @RequestParam(required = false) String kinds,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String before,
            CurrentUser caller) {
        return timeline.page(caller.tenantId(), id, TimelineQuery.parse(kinds, limit, before));
    }
}
