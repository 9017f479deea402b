package dev.agentlocator.telephony.twilio;

import com.twilio.security.RequestValidator;
import dev.agentlocator.platform.kit.errors.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WebSocket counterpart of {@link TwilioSignatureFilter} (issue 24): ConversationRelay's
 * handshake carries {@code X-Twilio-Signature}, Twilio's HMAC-SHA1 of the {@code wss://} URL it
 * opened (no body parameters), keyed with the auth token. Without a valid one the upgrade is
 * refused with a 403 before any session exists.
 */
@Component
public class TwilioHandshakeSignature implements HandshakeInterceptor {

    private static final Logger log = LoggerFactory.getLogger(TwilioHandshakeSignature.class);

    private final TwilioProperties properties;
    private final PublicUrls urls;
    private final JsonMapper json;

    TwilioHandshakeSignature(TwilioProperties properties, PublicUrls urls, JsonMapper json) {
        this.properties = properties;
        this.urls = urls;
        this.json = json;
    }

    @Override
    public boolean beforeHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            Map<String, Object> attributes) {
        if (!(request instanceof ServletServerHttpRequest servlet)) {
            return refuse(request, response, "not a servlet request");
        }
        HttpServletRequest http = servlet.getServletRequest();
        if (properties.authToken() == null) {
            return refuse(request, response, "TWILIO_TOKEN is not set, so no handshake can be verified");
        }
        String signature = http.getHeader(TwilioSignatureFilter.HEADER);
        if (signature == null || signature.isBlank()) {
            return refuse(request, response, "no signature");
        }
        String url = webSocketUrl(urls.requestUrl(http));
        if (!new RequestValidator(properties.authToken()).validate(url, Map.of(), signature)) {
            return refuse(request, response, "signature does not match " + url);
        }
        return true;
    }

    @Override
    public void afterHandshake(
            ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception exception) {}

    /** Twilio signs the URL it opened: {@code https → wss}, {@code http → ws} (development). */
    public static String webSocketUrl(String url) {
        if (url.startsWith("https://")) {
            return "wss://" + url.substring("https://".length());
        }
        if (url.startsWith("http://")) {
            return "ws://" + url.substring("http://".length());
        }
        return url;
    }

    private boolean refuse(ServerHttpRequest request, ServerHttpResponse response, String why) {
        log.warn(
                "Refused ConversationRelay handshake {} from {}: {}",
                request.getURI(),
                request.getRemoteAddress(),
                why);
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8));
        try {
            response.getBody()
                    .write(json.writeValueAsBytes(new ApiError("invalid_signature", TwilioSignatureFilter.MESSAGE)));
        } catch (java.io.IOException e) {
            log.debug("Could not write the refusal", e);
        }
        return false;
    }
}
