package dev.agentlocator.notification.realtime;

import dev.agentlocator.platform.security.tokens.TokenClaims;
import java.util.UUID;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Authenticates a STOMP session by the {@code Authorization: Bearer} header of its CONNECT frame,
 * with the same decoder as the HTTP API (the browser cannot set headers on the WebSocket
 * handshake, and the gateway leaves /ws/** public for that reason). A refusal becomes a STOMP
 * ERROR frame and the socket closes. Clients may only subscribe to their own user queues and
 * cannot send.
 */
@Component
class StompAuthentication implements ChannelInterceptor {

    static final String USER_QUEUES = "/user/queue/";

    private final JwtDecoder jwtDecoder;

    StompAuthentication(JwtDecoder jwtDecoder) {
        this.jwtDecoder = jwtDecoder;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null || accessor.getCommand() == null) {
            return message;
        }
        switch (accessor.getCommand()) {
            case CONNECT, STOMP -> accessor.setUser(authenticate(accessor, message));
            case SUBSCRIBE -> {
                String destination = accessor.getDestination();
                if (!(accessor.getUser() instanceof StompPrincipal)
                        || destination == null
                        || !destination.startsWith(USER_QUEUES)) {
                    throw new MessageDeliveryException(message, "Subscriptions are limited to /user/queue/**");
                }
            }
            case SEND -> throw new MessageDeliveryException(message, "This endpoint does not accept messages");
            default -> {}
        }
        return message;
    }

    private StompPrincipal authenticate(StompHeaderAccessor accessor, Message<?> message) {
        String header = accessor.getFirstNativeHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new MessageDeliveryException(message, "Missing bearer token in CONNECT");
        }
        try {
            Jwt jwt = jwtDecoder.decode(header.substring(7).strip());
            return new StompPrincipal(
                    UUID.fromString(jwt.getClaimAsString(TokenClaims.TENANT)), UUID.fromString(jwt.getSubject()));
        } catch (JwtException | IllegalArgumentException e) {
            throw new MessageDeliveryException(message, "Invalid token");
        }
    }
}
