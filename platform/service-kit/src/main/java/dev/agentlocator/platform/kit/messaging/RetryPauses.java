package dev.agentlocator.platform.kit.messaging;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The timer that resumes a listener container after a retry's back-off. Kept out of the context as
 * a {@link TaskScheduler} bean of its own, so that a service's {@code @Scheduled} work and Spring's
 * auto-configured scheduler are not affected by it.
 */
public class RetryPauses implements DisposableBean {

    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    RetryPauses() {
        scheduler.setPoolSize(1);
        scheduler.setDaemon(true);
        scheduler.setThreadNamePrefix("consumer-retry-");
        scheduler.initialize();
    }

    TaskScheduler scheduler() {
        return scheduler;
    }

    @Override
    public void destroy() {
        scheduler.shutdown();
    }
}
