package dev.agentlocator.tasks.tasks;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param timeZone the calendar that "today" and "this week" of the task lists refer to */
@ConfigurationProperties("agentlocator.tasks")
public record TasksProperties(
        @DefaultValue("Asia/Jerusalem") ZoneId timeZone) {}
