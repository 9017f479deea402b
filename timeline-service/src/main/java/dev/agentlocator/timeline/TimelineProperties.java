package dev.agentlocator.timeline;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param zone the businesses' local time zone: statistics count per local day, not per UTC day
 * @param replayBatchSize how many replayed events commit in one transaction during a rebuild
 * @param rebuildLease how long a rebuild may go without reporting progress before it counts as
 *     failed (its instance stopped) and another start may take over
 */
@ConfigurationProperties("agentlocator.timeline")
public record TimelineProperties(
        @DefaultValue("Asia/Jerusalem") ZoneId zone,
        @DefaultValue("500") int replayBatchSize,
        @DefaultValue("60s") Duration rebuildLease) {}
