package dev.agentlocator.telephony.relay;

import dev.agentlocator.telephony.twilio.TwilioHandshakeSignature;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/** The ConversationRelay socket: one {@link RelayConversation} per connection. */
@Component
class RelaySocketHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(RelaySocketHandler.class);

    private final RelayService service;
    private final Map<String, RelayConversation> conversations = new ConcurrentHashMap<>();

    RelaySocketHandler(RelayService service) {
        this.service = service;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        conversations.put(
                session.getId(),
                service.open(
                        new Outbound(session),
                        session.getId(),
                        (String) session.getAttributes().get(TwilioHandshakeSignature.ACCOUNT_SID),
                        (String) session.getAttributes().get(TwilioHandshakeSignature.DIALLED)));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        RelayConversation conversation = conversations.get(session.getId());
        if (conversation != null) {
            conversation.receive(message.getPayload());
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.warn("Relay socket {} failed: {}", session.getId(), exception.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        RelayConversation conversation = conversations.remove(session.getId());
        if (conversation != null) {
            conversation.closed();
        }
    }

    /** Sends are serialised here: the model's tokens and Twilio's messages come on different threads. */
    private final class Outbound implements RelayConversation.Outbound {
        private final WebSocketSession session;

        Outbound(WebSocketSession session) {
            this.session = session;
        }

        @Override
        public void send(Map<String, Object> message) {
            synchronized (session) {
                if (!session.isOpen()) {
                    return;
                }
                try {
                    session.sendMessage(new TextMessage(service.json().writeValueAsString(message)));
                } catch (IOException | IllegalStateException e) {
                    log.warn("Relay socket {}: could not send: {}", session.getId(), e.toString());
                }
            }
        }

        @Override
        public void close(String reason) {
            try {
                session.close(CloseStatus.POLICY_VIOLATION.withReason(reason));
            } catch (IOException e) {
                log.debug("Relay socket {}: close failed", session.getId(), e);
            }
        }
    }
}
