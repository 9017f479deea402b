package dev.agentlocator.notification.realtime;

import dev.agentlocator.notification.TaskDueAlert;
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.messaging.EventReader;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Pushes {@code task:due} to the sockets of the assignee open on this instance. Every instance
 * reads every due event, so this listener has a consumer group of its own per instance and starts
 * at the latest offset: an alert is live news, a restart does not replay old ones. Bad records are
 * only logged here; the shared-group listener (inbox, Web Push) parks them on the dead-letter topic.
 */
@Component
class RealtimeTaskDueListener {

    static final String LISTENER_ID = "notification-realtime";
    static final String DESTINATION = "/queue/task-due";

    private static final Logger log = LoggerFactory.getLogger(RealtimeTaskDueListener.class);

    private final EventReader reader;
    private final SimpMessagingTemplate messaging;

    RealtimeTaskDueListener(EventReader reader, SimpMessagingTemplate messaging) {
        this.reader = reader;
        this.messaging = messaging;
    }

    @KafkaListener(
            id = LISTENER_ID,
            groupId = "notification-ws-#{T(java.util.UUID).randomUUID()}",
            topics = Topics.TASKS_TASK,
            properties = {"auto.offset.reset=latest"})
    void onTaskEvent(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader("eventType");
        if (type != null && !TaskDueAlert.EVENT_TYPE.equals(new String(type.value(), StandardCharsets.UTF_8))) {
            return; // most task events are not alerts; skip them without parsing
        }
        try {
            EventEnvelope event = reader.read(record.value());
            if (!TaskDueAlert.EVENT_TYPE.equals(event.type())) {
                return;
            }
            TaskDueAlert alert = TaskDueAlert.from(event);
            // Addressed by tenant and user: sessions of anyone else never match.
            messaging.convertAndSendToUser(
                    StompPrincipal.nameOf(alert.tenantId(), alert.assigneeId()), DESTINATION, TaskDueMessage.of(alert));
        } catch (RuntimeException e) {
            log.warn(
                    "Skipped a task event at {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.toString());
        }
    }
}
