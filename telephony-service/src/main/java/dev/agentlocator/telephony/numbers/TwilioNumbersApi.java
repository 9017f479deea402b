package dev.agentlocator.telephony.numbers;

import dev.agentlocator.telephony.providers.ProviderCalls;
import dev.agentlocator.telephony.providers.ProviderException;
import dev.agentlocator.telephony.twilio.TwilioProperties;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio's phone-number REST API (2010-04-01), on any account: list the account's numbers
 * ({@code IncomingPhoneNumbers.json}, paged by {@code next_page_uri}), find Israeli numbers to buy
 * ({@code AvailablePhoneNumbers/IL/Local.json} / {@code Mobile.json}), buy one, read and set its
 * webhooks, and place a test call. Requests are form-encoded, answers JSON; a refusal carries Twilio's
 * {@code {code, message, more_info, status}}, surfaced as {@link TwilioRefused}. Never retried:
 * buying a number twice costs money.
 */
@Component
class TwilioNumbersApi {

    static final String PROVIDER = "twilio-rest";
    private static final String VERSION = "/2010-04-01/Accounts/";
    private static final int MAX_PAGES = 20;
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*(\\d+)");
    private static final Pattern STATUS = Pattern.compile("^http_(\\d{3})$");

    /** Who is asking: the account, and the user name / password of HTTP basic auth (SID + token, or API key). */
    record Credentials(String accountSid, String username, String password) {}

    /** One Twilio number of an account, with its current webhooks. */
    record IncomingNumber(
            String sid,
            String phoneNumber,
            String friendlyName,
            String voiceUrl,
            String voiceMethod,
            String statusCallback,
            String smsUrl,
            String smsMethod) {}

    record AvailableNumber(String phoneNumber, String friendlyName, String locality, boolean voice, boolean sms) {}

    /** Our webhooks, as set on a number. */
    record Webhooks(String voiceUrl, String voiceMethod, String statusCallback, String smsUrl, String smsMethod) {}

    /** Twilio answered with an error: its HTTP status and its error code (e.g. 401 / 20003). */
    static final class TwilioRefused extends RuntimeException {
        private final int status;
        private final int code;

        TwilioRefused(int status, int code, String message, Throwable cause) {
            super(message, cause);
            this.status = status;
            this.code = code;
        }

        int status() {
            return status;
        }

        int code() {
            return code;
        }
    }

    private final TwilioProperties twilio;
    private final ProviderCalls calls;
    private final JsonMapper json;

    TwilioNumbersApi(TwilioProperties twilio, ProviderCalls calls, JsonMapper json) {
        this.twilio = twilio;
        this.calls = calls;
        this.json = json;
    }

    /** Every number of the account, all pages. */
    List<IncomingNumber> incomingNumbers(Credentials account) {
        List<IncomingNumber> out = new ArrayList<>();
        String url = twilio.apiBaseUrl() + VERSION + account.accountSid() + "/IncomingPhoneNumbers.json?PageSize=50";
        for (int page = 0; url != null && page < MAX_PAGES; page++) {
            JsonNode answer = get(account, url);
            for (JsonNode n : answer.path("incoming_phone_numbers")) {
                out.add(incoming(n));
            }
            url = next(answer.path("next_page_uri").asString(null));
        }
        return out;
    }

    IncomingNumber fetch(Credentials account, String phoneSid) {
        return incoming(get(account, numberUrl(account, phoneSid)));
    }

    /** Israeli numbers for sale: {@code type} is {@code Local} or {@code Mobile}. */
    List<AvailableNumber> available(Credentials account, String type, String contains) {
        String url = twilio.apiBaseUrl() + VERSION + account.accountSid() + "/AvailablePhoneNumbers/IL/" + type
                + ".json?VoiceEnabled=true&PageSize=20"
                + (contains == null ? "" : "&Contains=" + URLEncoder.encode(contains, StandardCharsets.UTF_8));
        List<AvailableNumber> out = new ArrayList<>();
        for (JsonNode n : get(account, url).path("available_phone_numbers")) {
            JsonNode capabilities = n.path("capabilities");
            out.add(new AvailableNumber(
                    n.path("phone_number").asString(""),
                    n.path("friendly_name").asString(""),
                    n.path("locality").asString(null),
                    capabilities.path("voice").asBoolean(false),
                    capabilities.path("SMS").asBoolean(capabilities.path("sms").asBoolean(false))));
        }
        return out;
    }

    /** Buys {@code phoneNumber} with our webhooks already on it. */
    IncomingNumber buy(Credentials account, String phoneNumber, Webhooks hooks, String bundleSid, String addressSid) {
        Map<String, String> form = hookForm(hooks);
        form.put("PhoneNumber", phoneNumber);
        if (bundleSid != null) {
            form.put("BundleSid", bundleSid);
        }
        if (addressSid != null) {
            form.put("AddressSid", addressSid);
        }
        return incoming(post(
                account, twilio.apiBaseUrl() + VERSION + account.accountSid() + "/IncomingPhoneNumbers.json", form));
    }

    IncomingNumber setWebhooks(Credentials account, String phoneSid, Webhooks hooks) {
        return incoming(post(account, numberUrl(account, phoneSid), hookForm(hooks)));
    }

    /** Rings {@code to} from {@code from}; the calling leg only waits (inline TwiML), the called one meets our receptionist. */
    String call(Credentials account, String to, String from) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", to);
        form.put("From", from);
        form.put("Twiml", "<Response><Pause length=\"30\"/><Hangup/></Response>");
        form.put("Timeout", "20");
        return post(account, twilio.apiBaseUrl() + VERSION + account.accountSid() + "/Calls.json", form)
                .path("sid")
                .asString("");
    }

    private String numberUrl(Credentials account, String phoneSid) {
        return twilio.apiBaseUrl() + VERSION + account.accountSid() + "/IncomingPhoneNumbers/"
                + URLEncoder.encode(phoneSid, StandardCharsets.UTF_8) + ".json";
    }

    /** Empty values clear a webhook on Twilio's side (restoring a number that had none). */
    private static Map<String, String> hookForm(Webhooks hooks) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("VoiceUrl", nullToEmpty(hooks.voiceUrl()));
        form.put("VoiceMethod", hooks.voiceMethod() == null ? "POST" : hooks.voiceMethod());
        form.put("StatusCallback", nullToEmpty(hooks.statusCallback()));
        form.put("StatusCallbackMethod", "POST");
        form.put("SmsUrl", nullToEmpty(hooks.smsUrl()));
        form.put("SmsMethod", hooks.smsMethod() == null ? "POST" : hooks.smsMethod());
        return form;
    }

    private static IncomingNumber incoming(JsonNode n) {
        return new IncomingNumber(
                n.path("sid").asString(""),
                n.path("phone_number").asString(""),
                n.path("friendly_name").asString(""),
                blankToNull(n.path("voice_url").asString(null)),
                blankToNull(n.path("voice_method").asString(null)),
                blankToNull(n.path("status_callback").asString(null)),
                blankToNull(n.path("sms_url").asString(null)),
                blankToNull(n.path("sms_method").asString(null)));
    }

    /** Twilio's next page, on our configured origin (a stub in tests); never another host. */
    private String next(String nextPageUri) {
        if (nextPageUri == null || nextPageUri.isBlank()) {
            return null;
        }
        URI next = URI.create(nextPageUri);
        String query = next.getRawQuery() == null ? "" : "?" + next.getRawQuery();
        return twilio.apiBaseUrl() + next.getRawPath() + query;
    }

    private JsonNode get(Credentials account, String url) {
        return exchange(request(account, url).GET());
    }

    private JsonNode post(Credentials account, String url, Map<String, String> form) {
        var joiner = new StringJoiner("&");
        form.forEach((k, v) -> joiner.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return exchange(request(account, url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(joiner.toString())));
    }

    private static HttpRequest.Builder request(Credentials account, String url) {
        String basic = Base64.getEncoder()
                .encodeToString((account.username() + ":" + account.password()).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + basic)
                .header("Accept", "application/json");
    }

    private JsonNode exchange(HttpRequest.Builder request) {
        byte[] body;
        try {
            body = calls.send(PROVIDER, request, twilio.timeout(), null, 1).body();
        } catch (ProviderException e) {
            Matcher status = STATUS.matcher(e.reason());
            if (status.matches()) {
                Matcher code = CODE.matcher(String.valueOf(e.getMessage()));
                throw new TwilioRefused(
                        Integer.parseInt(status.group(1)),
                        code.find() ? Integer.parseInt(code.group(1)) : 0,
                        e.getMessage(),
                        e);
            }
            throw e;
        }
        try {
            return json.readTree(body);
        } catch (tools.jackson.core.JacksonException e) {
            throw new ProviderException(PROVIDER, "bad_answer", "Twilio answered no JSON", e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
