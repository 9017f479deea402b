package dev.agentlocator.notification.realtime;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * STOMP over plain WebSocket at {@code /ws}; alerts go to user destinations
 * ({@code /user/queue/task-due}) served by the in-memory broker of this instance: each instance
 * delivers to its own sockets (ARCHITECTURE.md "Real time").
 */
@Configuration
@EnableWebSocketMessageBroker
class WebSocketConfig implements WebSocketMessageBrokerConfigurer {

    /** Heart-beats both ways, so a tab that vanished without closing is noticed within ~20 s. */
    private static final long[] HEARTBEAT_MILLIS = {10_000, 10_000};

    private final StompAuthentication authentication;
    private final TaskDueSubscriptions subscriptions;
    private final TaskScheduler brokerScheduler;

    WebSocketConfig(
            StompAuthentication authentication,
            TaskDueSubscriptions subscriptions,
            @Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler brokerScheduler) {
        this.authentication = authentication;
        this.subscriptions = subscriptions;
        this.brokerScheduler = brokerScheduler;
    }

    /**
     * Any origin may open the socket: the credential is the JWT in the CONNECT frame, never a
     * cookie, so a foreign page gains nothing (no cross-site WebSocket hijacking); CORS for the
     * API stays at the gateway.
     */
    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws").setAllowedOriginPatterns("*");
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/queue")
                .setHeartbeatValue(HEARTBEAT_MILLIS)
                .setTaskScheduler(brokerScheduler);
        registry.setUserDestinationPrefix("/user");
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(authentication, subscriptions);
    }
}
