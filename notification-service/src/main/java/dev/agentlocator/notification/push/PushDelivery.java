package dev.agentlocator.notification.push;

import dev.agentlocator.notification.DueAlertLateness;
import dev.agentlocator.notification.NewNotification;
import dev.agentlocator.notification.TaskDueAlert;
import dev.agentlocator.notification.realtime.SocketPresence;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web Push for a due task, to the assignee's browsers, when no tab of theirs has the socket open
 * (an open tab shows the modal instead). Payload: what {@code sw.js} needs to show the
 * notification and act on Call / WhatsApp / Snooze without asking the server first.
 */
@Service
public class PushDelivery {

    private static final Logger log = LoggerFactory.getLogger(PushDelivery.class);

    private final PushSubscriptionRepository subscriptions;
    private final WebPushSender sender;
    private final SocketPresence presence;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final DueAlertLateness lateness;

    PushDelivery(
            PushSubscriptionRepository subscriptions,
            WebPushSender sender,
            SocketPresence presence,
            JsonMapper json,
            MeterRegistry meters,
            DueAlertLateness lateness) {
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.presence = presence;
        this.json = json;
        this.meters = meters;
        this.lateness = lateness;
    }

    /** Sends to every subscription of the assignee unless they have a socket open somewhere. */
    public void deliver(TaskDueAlert alert) {
        if (presence.hasOpenSocket(alert.tenantId(), alert.assigneeId())) {
            meters.counter("push.skipped.online").increment();
            return;
        }
        List<PushSubscription> targets = subscriptions.findByUser(alert.tenantId(), alert.assigneeId());
        if (targets.isEmpty()) {
            return;
        }
        byte[] payload = json.writeValueAsBytes(payload(alert));
        boolean measured = false; // an alert's lateness counts once, however many devices it reaches
        for (PushSubscription subscription : targets) {
            try {
                switch (sender.send(subscription, payload)) {
                    case DELIVERED -> {
                        meters.counter("push.sent").increment();
                        if (!measured) {
                            lateness.sent(DueAlertLateness.Channel.PUSH, alert);
                            measured = true;
                        }
                    }
                    case GONE -> {
                        subscriptions.deleteById(subscription.id());
                        meters.counter("push.subscriptions.expired").increment();
                        log.info("Push subscription {} is gone (404/410); deleted it", subscription.id());
                    }
                    case REFUSED -> meters.counter("push.refused").increment();
                    case FAILED -> {
                        meters.counter("push.failures").increment();
                        log.warn("Push service refused alert {} for subscription {}", alert.id(), subscription.id());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                meters.counter("push.failures").increment();
                log.warn("Push of alert {} to subscription {} failed: {}", alert.id(), subscription.id(), e.toString());
            }
        }
    }

    /**
     * A notification of any other kind, to the recipient's browsers unless a tab of theirs is open
     * (its bell shows it live). Clicking it opens the notification's link.
     */
    public void deliver(NewNotification notification) {
        if (presence.hasOpenSocket(notification.tenantId(), notification.userId())) {
            meters.counter("push.skipped.online").increment();
            return;
        }
        List<PushSubscription> targets = subscriptions.findByUser(notification.tenantId(), notification.userId());
        if (targets.isEmpty()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", notification.kind().wire());
        body.put("notificationId", notification.id().toString());
        body.put("title", notification.title());
        body.put("body", notification.body());
        body.put("url", notification.link());
        body.put(
                "customerId",
                notification.customerId() == null
                        ? null
                        : notification.customerId().toString());
        byte[] payload = json.writeValueAsBytes(body);
        for (PushSubscription subscription : targets) {
            try {
                switch (sender.send(subscription, payload)) {
                    case DELIVERED -> meters.counter("push.sent").increment();
                    case GONE -> {
                        subscriptions.deleteById(subscription.id());
                        meters.counter("push.subscriptions.expired").increment();
                    }
                    case REFUSED -> meters.counter("push.refused").increment();
                    case FAILED -> meters.counter("push.failures").increment();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                meters.counter("push.failures").increment();
                log.warn(
                        "Push of notification {} to subscription {} failed: {}",
                        notification.id(),
                        subscription.id(),
                        e.toString());
            }
        }
    }

    static Map<String, Object> payload(TaskDueAlert alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TaskDueAlert.MESSAGE_TYPE);
        body.put("notificationId", alert.id().toString());
        body.put("taskId", alert.taskId().toString());
        body.put("title", alert.title());
        body.put("body", text(alert));
        body.put(
                "customerId",
                alert.customerId() == null ? null : alert.customerId().toString());
        body.put("customerName", alert.customerName());
        body.put("customerPhone", alert.customerPhone());
        body.put("dueAt", alert.dueAt() == null ? null : alert.dueAt().toString());
        List<Map<String, Object>> actions = new ArrayList<>();
        if (alert.customerPhone() != null) {
            String digits = alert.customerPhone().replaceAll("[^0-9]", "");
            actions.add(Map.of("action", "call", "title", "חייג", "url", "tel:" + alert.customerPhone()));
            actions.add(Map.of("action", "whatsapp", "title", "פתח WhatsApp", "url", "https://wa.me/" + digits));
        }
        actions.add(Map.of(
                "action",
                "snooze",
                "title",
                "דחה ב־5 דקות",
                "minutes",
                5,
                "url",
                "/api/tasks/" + alert.taskId() + "/snooze"));
        body.put("actions", actions);
        return body;
    }

    private static String text(TaskDueAlert alert) {
        if (alert.customerName() == null) {
            return "הגיע מועד המשימה";
        }
        return alert.customerPhone() == null
                ? alert.customerName()
                : alert.customerName() + " · " + alert.customerPhone();
    }
}
