package dev.agentlocator.timeline;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param zone the businesses' local time zone: statistics count per local day, not per UTC day
 * @param replayBatchSize how many replayed events commit in one transaction during a rebuild
 */
@ConfigurationProperties("agentlocator.timeline")
public record TimelineProperties(
        @DefaultValue("Asia/Jerusalem") ZoneId zone,
        @DefaultValue("500") int replayBatchSize) {}
