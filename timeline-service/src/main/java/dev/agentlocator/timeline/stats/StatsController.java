package dev.agentlocator.timeline.stats;

import dev.agentlocator.platform.kit.features.Features;
import dev.agentlocator.platform.kit.features.RequiresFeature;
import dev.agentlocator.platform.kit.security.CurrentUser;
import dev.agentlocator.platform.kit.security.Roles;
import dev.agentlocator.timeline.TimelineProperties;
import dev.agentlocator.timeline.stats.StatsViews.CallsPerDay;
import dev.agentlocator.timeline.stats.StatsViews.InvoicesPerDay;
import dev.agentlocator.timeline.stats.StatsViews.LeadsBySource;
import dev.agentlocator.timeline.stats.StatsViews.Summary;
import dev.agentlocator.timeline.stats.StatsViews.TasksPerDay;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** SPEC C9: the dashboard's figures for {@code ?from=YYYY-MM-DD&to=YYYY-MM-DD} (local days, inclusive). */
// People of the business only: a service token (ADR 0004) never reads as a user.
@PreAuthorize(Roles.CAN_READ)
@RestController
@RequestMapping("/api/stats")
@RequiresFeature(Features.STATS)
class StatsController {

    private final StatsService stats;
    private final TimelineProperties properties;
    private final Clock clock;

    StatsController(StatsService stats, TimelineProperties properties, Clock clock) {
        this.stats = stats;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/summary")
    Summary summary(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            CurrentUser caller) {
        return stats.summary(caller.tenantId(), range(from, to));
    }

    @GetMapping("/calls-per-day")
    CallsPerDay callsPerDay(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            CurrentUser caller) {
        return stats.callsPerDay(caller.tenantId(), range(from, to));
    }

    @GetMapping("/leads-by-source")
    LeadsBySource leadsBySource(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            CurrentUser caller) {
        return stats.leadsBySource(caller.tenantId(), range(from, to));
    }

    @GetMapping("/invoices")
    InvoicesPerDay invoices(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            CurrentUser caller) {
        return stats.invoices(caller.tenantId(), range(from, to));
    }

    @GetMapping("/tasks")
    TasksPerDay tasks(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            CurrentUser caller) {
        return stats.tasks(caller.tenantId(), range(from, to));
    }

    private StatsRange range(String from, String to) {
        return StatsRange.parse(from, to, LocalDate.now(clock.withZone(properties.zone())));
    }
}
