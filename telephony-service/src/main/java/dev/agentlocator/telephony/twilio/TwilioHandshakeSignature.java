package dev.agentlocator.telephony.twilio;

import com.twilio.security.RequestValidator;
import dev.agentlocator.platform.kit.errors.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 *
 * <p>The socket URL ends in the dialled number's digits ({@code /relay/conversation/97235561234}),
 * so the handshake knows whose token signed it before any message arrives: a number on a tenant's
 * own Twilio account is signed with that account's token and only with it (ADR 0032), every other
 * one with the platform's. The account and the number go to the session as {@link #ACCOUNT_SID}
 * and {@link #DIALLED}, and its {@code setup} must name both.
 */
@Component
public class TwilioHandshakeSignature implements HandshakeInterceptor {

    /** Session attribute: the Twilio account whose token signed the handshake. */
    public static final String ACCOUNT_SID = "relay.accountSid";
    /** Session attribute: the dialled number (E.164) the socket URL named, when it named one. */
    public static final String DIALLED = "relay.dialled";

    private static final Logger log = LoggerFactory.getLogger(TwilioHandshakeSignature.class);
    private static final Pattern NUMBER_SEGMENT = Pattern.compile(".*/([0-9]{6,15})$");

    private final TwilioProperties properties;
    private final PublicUrls urls;
    private final JsonMapper json;
    private final WebhookAccounts accounts;

    TwilioHandshakeSignature(TwilioProperties properties, PublicUrls urls, JsonMapper json, WebhookAccounts accounts) {
        this.properties = properties;
        this.urls = urls;
        this.json = json;
        this.accounts = accounts;
    }

    /** The socket path for a call to {@code dialled} (E.164): the number's digits after the base path. */
    public static String socketPath(String basePath, String dialled) {
        String digits = dialled == null ? "" : dialled.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? basePath : basePath + "/" + digits;
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
        Matcher number = NUMBER_SEGMENT.matcher(http.getRequestURI());
        String dialled = number.matches() ? "+" + number.group(1) : null;
        Optional<WebhookAccounts.OwnAccount> own = dialled == null ? Optional.empty() : accounts.ownAccountOf(dialled);
        String token = own.map(WebhookAccounts.OwnAccount::authToken).orElse(properties.authToken());
        if (token == null) {
            return refuse(request, response, "TWILIO_TOKEN is not set, so no handshake can be verified");
        }
        String signature = http.getHeader(TwilioSignatureFilter.HEADER);
        if (signature == null || signature.isBlank()) {
            return refuse(request, response, "no signature");
        }
        String url = webSocketUrl(urls.requestUrl(http));
        if (!new RequestValidator(token).validate(url, Map.of(), signature)) {
            if (own.isPresent()) {
                accounts.signatureRefused(dialled);
            }
            return refuse(request, response, "signature does not match " + url);
        }
        String accountSid = own.map(WebhookAccounts.OwnAccount::accountSid).orElse(properties.accountSid());
        if (accountSid != null) {
            attributes.put(ACCOUNT_SID, accountSid);
        }
        if (dialled != null) {
            attributes.put(DIALLED, dialled);
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
