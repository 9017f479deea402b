package dev.agentlocator.timeline.projection;

import dev.agentlocator.platform.events.EventEnvelope;

/**
 * A read model beside the timeline (the statistics, say) that folds every event in the same
 * idempotent transaction as the timeline entry. The timeline finds each one as a bean, so it
 * depends on none of them; they depend on this package for the event's vocabulary.
 */
public interface Projection {

    void apply(EventEnvelope event);
}
