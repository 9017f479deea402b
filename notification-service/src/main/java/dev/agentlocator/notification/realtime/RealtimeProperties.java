package dev.agentlocator.notification.realtime;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param replayWindow how long after it fired a due alert is still shown to a tab that (re)connects:
 *     a tab open while this instance restarted, or opened a moment after the alert; the alert
 *     must also be still due (task not done, not snoozed, not reassigned)
 */
@ConfigurationProperties("agentlocator.notification.realtime")
public record RealtimeProperties(@DefaultValue("5m") Duration replayWindow) {}
