package dev.agentlocator.notification.realtime;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * Starts this instance's realtime consumer a few minutes back rather than at the end of the topic,
 * so the due alerts that fired while it was down (or starting) are known when tabs reconnect. The
 * records it reads again only rebuild {@link PendingAlerts}; it goes live once it has read up to
 * where the topic ended at start-up, by then knowing which of those tasks were done or snoozed.
 *
 * <p>Applied to the realtime listener only ({@code containerPostProcessor}); as a rebalance
 * listener bean it would apply to every listener of the service.
 */
@Component(MissedAlertReplay.BEAN)
class MissedAlertReplay
        implements ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> {

    static final String BEAN = "missedAlertReplay";

    private static final Logger log = LoggerFactory.getLogger(MissedAlertReplay.class);

    private final Clock clock;
    private final Duration window;
    private final PendingAlerts alerts;
    /** Partitions this instance has positioned already: a later rebalance continues where it was. */
    private final Set<TopicPartition> positioned = new HashSet<>();
    /** Partitions still being read up to the offset where they ended when they were assigned. */
    private final Map<TopicPartition, Long> catchingUp = new HashMap<>();

    MissedAlertReplay(Clock clock, RealtimeProperties properties, PendingAlerts alerts) {
        this.clock = clock;
        this.window = properties.replayWindow();
        this.alerts = alerts;
    }

    @Override
    public void postProcess(AbstractMessageListenerContainer<Object, Object> container) {
        container.getContainerProperties().setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                try {
                    startBackInTime(consumer, partitions);
                } catch (RuntimeException e) {
                    // Kafka could not say where the window starts: carry on from the end, as before.
                    log.warn(
                            "Could not read back the last {} of alerts, going live without them: {}",
                            window,
                            e.toString());
                    alerts.goLive();
                }
            }
        });
    }

    /** Called for every record the realtime listener has handled. */
    synchronized void handled(TopicPartition partition, long offset) {
        Long end = catchingUp.get(partition);
        if (end != null && offset + 1 >= end) {
            catchingUp.remove(partition);
            if (catchingUp.isEmpty()) {
                log.info("Realtime alerts caught up with the last {}; live", window);
                alerts.goLive();
            }
        }
    }

    private synchronized void startBackInTime(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        List<TopicPartition> fresh = partitions.stream().filter(positioned::add).toList();
        if (fresh.isEmpty()) {
            return;
        }
        long since = clock.millis() - window.toMillis();
        Map<TopicPartition, OffsetAndTimestamp> starts =
                consumer.offsetsForTimes(fresh.stream().collect(Collectors.toMap(Function.identity(), tp -> since)));
        Map<TopicPartition, Long> ends = consumer.endOffsets(fresh);
        for (TopicPartition partition : fresh) {
            long end = ends.get(partition);
            OffsetAndTimestamp start = starts.get(partition);
            long from = start == null ? end : start.offset();
            consumer.seek(partition, from);
            if (from < end) {
                catchingUp.put(partition, end);
            }
        }
        if (catchingUp.isEmpty()) {
            alerts.goLive();
        } else {
            alerts.holdBack();
            log.info("Realtime alerts: reading back {} to learn the alerts that still stand: {}", window, catchingUp);
        }
    }
}
