package dev.agentlocator.timeline.api;

import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.timeline.api.TimelineViews.TimelineItem;
import dev.agentlocator.timeline.api.TimelineViews.TimelinePage;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads one customer's timeline, newest first, a keyset page at a time. */
@Service
class TimelineService {

    private final TimelineReadRepository timeline;

    TimelineService(TimelineReadRepository timeline) {
        this.timeline = timeline;
    }

    /** @throws ApiException 404 when no event has ever named this customer in this tenant */
    @Transactional(readOnly = true)
    public TimelinePage page(UUID tenantId, UUID customerId, TimelineQuery query) {
        if (!timeline.knows(tenantId, customerId)) {
            throw ApiException.notFound();
        }
        // One row more than the page tells whether there is a next page.
        List<TimelineItem> rows = timeline.entries(tenantId, customerId, query, query.limit() + 1);
        if (rows.size() <= query.limit()) {
            return new TimelinePage(rows, null, query.limit());
        }
        List<TimelineItem> page = rows.subList(0, query.limit());
        TimelineItem last = page.get(page.size() - 1);
        String next = new TimelineCursor(last.occurredAt().toInstant(), last.id()).encode();
        return new TimelinePage(List.copyOf(page), next, query.limit());
    }
}
