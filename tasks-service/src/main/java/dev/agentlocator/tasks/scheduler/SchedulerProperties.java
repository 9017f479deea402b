package dev.agentlocator.tasks.scheduler;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether this instance runs the due scheduler (tests drive their own)
 * @param maxSleep the longest the scheduler sleeps without looking: covers due times set by
 *     other instances, whose commits cannot wake this one
 * @param batchSize tasks claimed and fired per transaction
 * @param contendedPause the pause when a due task is held by another instance's claim, so this
 *     one does not spin until that claim commits
 */
@ConfigurationProperties("agentlocator.tasks.scheduler")
public record SchedulerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration maxSleep,
        @DefaultValue("200") int batchSize,
        @DefaultValue("50ms") Duration contendedPause) {}
