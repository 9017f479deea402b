package dev.agentlocator.notification.realtime;

import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends a {@code task:due} message to one STOMP session of this instance. Spring resolves a user
 * destination whose "user" is the session id of the message to that session alone; which session
 * belongs to which user was settled when it subscribed ({@link PendingAlerts}).
 */
@Component
class SessionDelivery implements PendingAlerts.Delivery {

    private final SimpMessagingTemplate messaging;

    /** Lazy: the broker's template is built from the WebSocket configuration that leads here. */
    SessionDelivery(@Lazy SimpMessagingTemplate messaging) {
        this.messaging = messaging;
    }

    @Override
    public void toSession(String sessionId, TaskDueMessage message) {
        var headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setSessionId(sessionId);
        headers.setLeaveMutable(true);
        messaging.convertAndSendToUser(
                sessionId, RealtimeTaskDueListener.DESTINATION, message, headers.getMessageHeaders());
    }
}
