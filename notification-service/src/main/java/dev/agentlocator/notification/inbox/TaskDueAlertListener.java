package dev.agentlocator.notification.inbox;

import dev.agentlocator.notification.TaskDueAlert;
import dev.agentlocator.notification.push.PushDelivery;
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.TaskEvent;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.messaging.EventReader;
import dev.agentlocator.platform.kit.messaging.IdempotentConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Once per due event across all instances (the service's shared consumer group): stores the alert
 * in the assignee's notification centre and, the first time only, sends Web Push. The push goes
 * out after the inbox commit; a crash between the two loses that push rather than repeating it.
 */
@Component
class TaskDueAlertListener {

    static final String CONSUMER = "notification-task-due";

    private final EventReader reader;
    private final IdempotentConsumer once;
    private final NotificationService notifications;
    private final PushDelivery push;

    TaskDueAlertListener(
            EventReader reader, IdempotentConsumer once, NotificationService notifications, PushDelivery push) {
        this.reader = reader;
        this.once = once;
        this.notifications = notifications;
        this.push = push;
    }

    @KafkaListener(id = CONSUMER, idIsGroup = false, topics = Topics.TASKS_TASK)
    void onTaskEvent(ConsumerRecord<String, String> record) {
        EventEnvelope event = reader.read(record.value());
        if (!TaskEvent.DUE.isTypeOf(event)) {
            return;
        }
        TaskDueAlert alert = TaskDueAlert.from(event);
        if (once.handleOnce(CONSUMER, event, e -> notifications.store(alert))) {
            push.deliver(alert);
        }
    }
}
