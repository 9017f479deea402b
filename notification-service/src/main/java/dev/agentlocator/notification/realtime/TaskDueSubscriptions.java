package dev.agentlocator.notification.realtime;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.user.UserDestinationMessageHandler;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Tells {@link PendingAlerts} which sessions listen for due alerts. A subscription counts once the
 * user-destination handler has registered it with the broker (it does so synchronously), so a
 * message sent from then on reaches the session; disconnected sessions are forgotten.
 */
@Component
class TaskDueSubscriptions implements ExecutorChannelInterceptor {

    static final String TASK_DUE = "/user" + RealtimeTaskDueListener.DESTINATION;

    private final PendingAlerts alerts;

    TaskDueSubscriptions(PendingAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public void afterMessageHandled(
            Message<?> message, MessageChannel channel, MessageHandler handler, Exception failure) {
        if (failure != null || !(handler instanceof UserDestinationMessageHandler)) {
            return;
        }
        var headers = SimpMessageHeaderAccessor.wrap(message);
        if (headers.getMessageType() == SimpMessageType.SUBSCRIBE
                && TASK_DUE.equals(headers.getDestination())
                && headers.getUser() instanceof StompPrincipal user
                && headers.getSessionId() != null) {
            alerts.subscribed(headers.getSessionId(), user.getName());
        }
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        alerts.disconnected(event.getSessionId());
    }
}
