package dev.agentlocator.telephony.relay;

import dev.agentlocator.telephony.receptionist.ReceptionistService;
import dev.agentlocator.telephony.twilio.TwilioHandshakeSignature;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** ConversationRelay's socket, reachable only through a handshake Twilio signed. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class RelayConfiguration implements WebSocketConfigurer {

    private final RelaySocketHandler handler;
    private final TwilioHandshakeSignature signature;

    RelayConfiguration(RelaySocketHandler handler, TwilioHandshakeSignature signature) {
        this.handler = handler;
        this.signature = signature;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, ReceptionistService.RELAY_SOCKET, ReceptionistService.RELAY_SOCKET + "/*")
                .addInterceptors(signature);
    }
}
