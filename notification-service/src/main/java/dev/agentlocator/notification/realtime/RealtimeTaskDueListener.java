package dev.agentlocator.notification.realtime;

import dev.agentlocator.notification.TaskDueAlert;
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.TaskEvent;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.messaging.EventReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds {@link PendingAlerts}, which pushes {@code task:due} to the sockets of the assignee open on
 * this instance. Every instance reads every task event, so this listener has a consumer group of
 * its own per instance; it starts a few minutes back ({@link MissedAlertReplay}) so that an alert
 * that fired while the instance was down still reaches the tabs that reconnect, unless the task was
 * done or snoozed meanwhile (ADR 0014). Bad records are only logged here; the shared-group listener
 * (inbox, Web Push) parks them on its dead-letter topic.
 */
@Component
class RealtimeTaskDueListener {

    static final String LISTENER_ID = "notification-realtime";
    static final String DESTINATION = "/queue/task-due";

    private static final Logger log = LoggerFactory.getLogger(RealtimeTaskDueListener.class);

    private final EventReader reader;
    private final PendingAlerts alerts;
    private final MissedAlertReplay replay;

    RealtimeTaskDueListener(EventReader reader, PendingAlerts alerts, MissedAlertReplay replay) {
        this.reader = reader;
        this.alerts = alerts;
        this.replay = replay;
    }

    @KafkaListener(
            id = LISTENER_ID,
            groupId = "notification-ws-#{T(java.util.UUID).randomUUID()}",
            topics = Topics.TASKS_TASK,
            properties = {"auto.offset.reset=latest"},
            containerPostProcessor = MissedAlertReplay.BEAN)
    void onTaskEvent(ConsumerRecord<String, String> record) {
        try {
            EventEnvelope event = reader.read(record.value());
            if (TaskEvent.DUE.isTypeOf(event)) {
                alerts.fired(TaskDueAlert.from(event), event.occurredAt().toInstant());
            } else {
                TaskChange.of(event).ifPresent(alerts::changed);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Skipped a task event at {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.toString());
        } finally {
            replay.handled(new TopicPartition(record.topic(), record.partition()), record.offset());
        }
    }
}
