package dev.agentlocator.notification.inbox;

import dev.agentlocator.notification.NewNotification;
import dev.agentlocator.notification.NotificationKind;
import dev.agentlocator.notification.TaskDueAlert;
import dev.agentlocator.notification.preferences.Preferences;
import dev.agentlocator.notification.push.PushDelivery;
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.TaskEvent;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.messaging.EventReader;
import dev.agentlocator.platform.kit.messaging.IdempotentConsumer;
import java.time.Clock;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Once per due event across all instances (the service's shared consumer group): stores the alert
 * in the assignee's notification centre and, the first time only, sends Web Push. The push goes
 * out after the inbox commit; a crash between the two loses that push rather than repeating it.
 * The assignee's preferences decide both (ADR 0028): the full-screen alert on an open tab is not
 * a notification and is not affected.
 */
@Component
class TaskDueAlertListener {

    static final String CONSUMER = "notification-task-due";

    private final EventReader reader;
    private final IdempotentConsumer once;
    private final NotificationService notifications;
    private final PushDelivery push;
    private final Preferences preferences;
    private final Clock clock;

    TaskDueAlertListener(
            EventReader reader,
            IdempotentConsumer once,
            NotificationService notifications,
            PushDelivery push,
            Preferences preferences,
            Clock clock) {
        this.reader = reader;
        this.once = once;
        this.notifications = notifications;
        this.push = push;
        this.preferences = preferences;
        this.clock = clock;
    }

    @KafkaListener(id = CONSUMER, idIsGroup = false, topics = Topics.TASKS_TASK)
    void onTaskEvent(ConsumerRecord<String, String> record) {
        EventEnvelope event = reader.read(record.value());
        if (!TaskEvent.DUE.isTypeOf(event)) {
            return;
        }
        TaskDueAlert alert = TaskDueAlert.from(event);
        var decision = new Preferences.Decision[1];
        boolean first = once.handleOnce(CONSUMER, event, e -> {
            decision[0] = preferences.decide(alert.tenantId(), alert.assigneeId(), NotificationKind.TASK_DUE);
            if (decision[0].bell()) {
                notifications.store(NewNotification.of(alert, clock.instant().atOffset(ZoneOffset.UTC)));
            }
        });
        if (first && decision[0].bell() && decision[0].push()) {
            push.deliver(alert);
        }
    }
}
