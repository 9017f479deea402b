package dev.agentlocator.notification.rules;

import dev.agentlocator.notification.NewNotification;
import dev.agentlocator.notification.inbox.NotificationService;
import dev.agentlocator.notification.preferences.Preferences;
import dev.agentlocator.notification.push.PushDelivery;
import dev.agentlocator.notification.realtime.LiveFeed;
import dev.agentlocator.platform.events.EventEnvelope;
import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.messaging.EventReader;
import dev.agentlocator.platform.kit.messaging.IdempotentConsumer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Once per event across all instances (the service's shared consumer group): applies the rules,
 * stores each notification its recipient's preferences let into the bell, sends the tenant's tabs
 * the event's "changed" hints, and after the commit sends Web Push where wanted (ADR 0028).
 * {@code task.due} keeps its own listener (ADR 0006).
 */
@Component
class NotificationRulesListener {

    static final String CONSUMER = "notification-rules";

    private final EventReader reader;
    private final IdempotentConsumer once;
    private final NotificationRules rules;
    private final Preferences preferences;
    private final NotificationService notifications;
    private final LiveFeed live;
    private final PushDelivery push;

    NotificationRulesListener(
            EventReader reader,
            IdempotentConsumer once,
            NotificationRules rules,
            Preferences preferences,
            NotificationService notifications,
            LiveFeed live,
            PushDelivery push) {
        this.reader = reader;
        this.once = once;
        this.rules = rules;
        this.preferences = preferences;
        this.notifications = notifications;
        this.live = live;
        this.push = push;
    }

    /**
     * A group of its own next to the service's (the task-due listener's): two listeners with
     * different topics in one group would split {@code tasks.task.v1} between them, and each would
     * drop the other's events.
     */
    @KafkaListener(
            id = CONSUMER,
            groupId = "${spring.kafka.consumer.group-id}-rules",
            topics = {
                Topics.CRM_CUSTOMER,
                Topics.CRM_USER,
                Topics.TELEPHONY_CALL,
                Topics.TELEPHONY_WHATSAPP,
                Topics.TASKS_TASK,
                Topics.BILLING_CONTRACT,
                Topics.BILLING_INVOICE
            })
    void onEvent(ConsumerRecord<String, String> record) {
        EventEnvelope event = reader.read(record.value());
        List<NewNotification> toPush = new ArrayList<>();
        once.handleOnce(CONSUMER, event, e -> {
            toPush.clear();
            for (NewNotification notification : rules.apply(e)) {
                var decision = preferences.decide(notification.tenantId(), notification.userId(), notification.kind());
                if (decision.bell() && notifications.store(notification) && decision.push()) {
                    toPush.add(notification);
                }
            }
            ChangeHints.of(e).forEach(hint -> live.toTenant(e.tenantId(), hint));
        });
        toPush.forEach(push::deliver);
    }
}
