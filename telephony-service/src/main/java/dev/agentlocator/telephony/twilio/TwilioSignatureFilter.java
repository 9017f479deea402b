package dev.agentlocator.telephony.twilio;

import com.twilio.security.RequestValidator;
import dev.agentlocator.platform.kit.errors.ApiError;
import dev.agentlocator.platform.kit.web.GuardedHandlers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets a request reach a {@link TwilioWebhook} handler only with a valid {@code X-Twilio-Signature}:
 * HMAC-SHA1 of the public URL Twilio requested and the sorted POST parameters, keyed with the auth
 * token, checked by the twilio-java SDK's own {@link RequestValidator}. Anything else gets a 403
 * before a controller (or the database) sees it. Which requests need a signature is decided by the
 * handler Spring MVC will run, whatever the spelling of the path ({@link GuardedHandlers}). The body
 * is read here once and handed on as the verified parameters.
 */
class TwilioSignatureFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Twilio-Signature";
    static final String MESSAGE = "החתימה של הבקשה אינה תקינה";
    private static final int MAX_BODY = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(TwilioSignatureFilter.class);

    private final TwilioProperties properties;
    private final PublicUrls urls;
    private final JsonMapper json;
    private final GuardedHandlers webhooks;
    private final WebhookAccounts accounts;

    TwilioSignatureFilter(
            TwilioProperties properties,
            PublicUrls urls,
            JsonMapper json,
            GuardedHandlers webhooks,
            WebhookAccounts accounts) {
        this.properties = properties;
        this.urls = urls;
        this.json = json;
        this.webhooks = webhooks;
        this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !webhooks.guards(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            refuse(request, response, "body too large", null);
            return;
        }
        Map<String, List<String>> form = isForm(request) ? parse(new String(body, StandardCharsets.UTF_8)) : Map.of();
        String signature = request.getHeader(HEADER);
        String to = dialled(first(form, "To"));
        // ADR 0032: a number connected through a tenant's own Twilio account is signed with that
        // account's token, and only with it; every other webhook with the platform's.
        Optional<WebhookAccounts.OwnAccount> own =
                to == null || accounts == null ? Optional.empty() : accounts.ownAccountOf(to);
        String token = own.map(WebhookAccounts.OwnAccount::authToken).orElse(properties.authToken());
        if (token == null) {
            refuse(request, response, "TWILIO_TOKEN is not set, so no webhook can be verified", to);
            return;
        }
        if (signature == null || signature.isBlank()) {
            refuse(request, response, "no signature", to);
            return;
        }
        String url = urls.requestUrl(request);
        Map<String, String> single = new LinkedHashMap<>();
        form.forEach((k, v) -> single.put(k, v.get(0)));
        if (!new RequestValidator(token).validate(url, single, signature)) {
            refuse(request, response, "signature does not match " + url, to);
            return;
        }
        if (own.isPresent()) {
            var account = own.get();
            String accountSid = first(form, "AccountSid");
            if (accountSid != null && !accountSid.equals(account.accountSid())) {
                refuse(request, response, "AccountSid " + accountSid + " is not the number's account", to);
                return;
            }
            if (accounts.belongsToAnotherTenant(
                    first(form, "CallSid"), first(form, "MessageSid"), account.tenantId())) {
                refuse(request, response, "the call or message belongs to another tenant", to);
                return;
            }
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>(form);
        String query = request.getQueryString();
        if (query != null) {
            parse(query).forEach(parameters::putIfAbsent);
        }
        log.info(
                "Twilio webhook {} CallSid={} MessageSid={} status={}",
                request.getRequestURI(),
                first(parameters, "CallSid"),
                first(parameters, "MessageSid"),
                first(parameters, first(parameters, "MessageStatus") != null ? "MessageStatus" : "CallStatus"));
        var verified = new VerifiedRequest(request, body, parameters);
        webhooks.markChecked(verified);
        chain.doFilter(verified, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String why, String to)
            throws IOException {
        if (to != null && accounts != null) {
            try {
                accounts.signatureRefused(to);
            } catch (RuntimeException e) {
                log.warn("Could not record the refused signature for {}", to, e);
            }
        }
        log.warn("Refused Twilio webhook {} from {}: {}", request.getRequestURI(), request.getRemoteAddr(), why);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(new ApiError("invalid_signature", MESSAGE)));
    }

    /** The dialled number without WhatsApp's {@code whatsapp:} prefix, or null. */
    private static String dialled(String to) {
        if (to == null || to.isBlank()) {
            return null;
        }
        String number = to.strip();
        return number.startsWith("whatsapp:") ? number.substring("whatsapp:".length()) : number;
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    static Map<String, List<String>> parse(String encoded) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The verified request: its parameters are the signed body's (plus the query's). */
    private static final class VerifiedRequest extends HttpServletRequestWrapper {
        private final byte[] body;
        private final Map<String, String[]> parameters;

        VerifiedRequest(HttpServletRequest request, byte[] body, Map<String, List<String>> parameters) {
            super(request);
            this.body = body;
            Map<String, String[]> map = new LinkedHashMap<>();
            parameters.forEach((k, v) -> map.put(k, v.toArray(String[]::new)));
            this.parameters = Collections.unmodifiableMap(map);
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
