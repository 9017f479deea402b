package dev.agentlocator.telephony.twilio;

import dev.agentlocator.telephony.providers.ProviderCalls;
import dev.agentlocator.telephony.providers.ProviderException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio's Content API: the account's templates with their WhatsApp approval ({@code GET
 * /v1/ContentAndApprovals}, paged by {@code meta.next_page_url}). Without Twilio credentials
 * (sandbox) the same JSON comes from {@code whatsapp/sandbox-content-and-approvals.json}, so the
 * sandbox offers templates and runs the same parser.
 */
@Component
public class TwilioContent {

    public static final String PROVIDER = "twilio-content";
    private static final int MAX_PAGES = 20;
    static final String SANDBOX_LISTING = "whatsapp/sandbox-content-and-approvals.json";

    /**
     * One template. {@code body} is its text ({@code twilio/text}, else the first type's body) with
     * placeholders {@code {{1}}}; {@code whatsappStatus} is WhatsApp's approval ({@code approved},
     * {@code pending}, {@code rejected}, …; {@code unsubmitted} when never submitted).
     */
    public record Template(
            String sid,
            String friendlyName,
            String language,
            String body,
            Map<String, String> variables,
            String whatsappStatus,
            String category,
            String rejectionReason) {

        public boolean approved() {
            return "approved".equals(whatsappStatus);
        }
    }

    private final TwilioProperties twilio;
    private final TwilioContentProperties content;
    private final ProviderCalls calls;
    private final JsonMapper json;

    TwilioContent(TwilioProperties twilio, TwilioContentProperties content, ProviderCalls calls, JsonMapper json) {
        this.twilio = twilio;
        this.content = content;
        this.calls = calls;
        this.json = json;
    }

    public boolean sandbox() {
        return !twilio.restConfigured();
    }

    /** Every template of the account, all pages. */
    public List<Template> list() {
        if (sandbox()) {
            try (InputStream in = TwilioContent.class.getClassLoader().getResourceAsStream(SANDBOX_LISTING)) {
                if (in == null) {
                    return List.of();
                }
                List<Template> out = new ArrayList<>();
                parse(json.readTree(in.readAllBytes()), out);
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String credentials = Base64.getEncoder()
                .encodeToString((twilio.accountSid() + ":" + twilio.authToken()).getBytes(StandardCharsets.UTF_8));
        List<Template> out = new ArrayList<>();
        String url = content.contentBaseUrl() + "/v1/ContentAndApprovals?PageSize=100";
        for (int page = 0; url != null && page < MAX_PAGES; page++) {
            var request = HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Basic " + credentials)
                    .header("Accept", "application/json")
                    .GET();
            JsonNode answer;
            try {
                answer = json.readTree(
                        calls.send(PROVIDER, request, twilio.timeout(), null, 2).body());
            } catch (tools.jackson.core.JacksonException e) {
                throw new ProviderException(PROVIDER, "bad_answer", "the Content API answered no JSON", e);
            }
            parse(answer, out);
            url = next(answer.path("meta").path("next_page_url").asString(null));
        }
        return out;
    }

    /** Twilio's next page, on our configured origin (a stub in tests); never another host. */
    private String next(String nextPageUrl) {
        if (nextPageUrl == null || nextPageUrl.isBlank()) {
            return null;
        }
        URI next = URI.create(nextPageUrl);
        String query = next.getRawQuery() == null ? "" : "?" + next.getRawQuery();
        return content.contentBaseUrl() + next.getRawPath() + query;
    }

    private static void parse(JsonNode answer, List<Template> out) {
        for (JsonNode c : answer.path("contents")) {
            JsonNode types = c.path("types");
            String body = types.path("twilio/text").path("body").asString(null);
            if (body == null) {
                for (JsonNode type : types) {
                    body = type.path("body").asString(null);
                    if (body != null) {
                        break;
                    }
                }
            }
            Map<String, String> variables = new LinkedHashMap<>();
            c.path("variables")
                    .properties()
                    .forEach(e -> variables.put(e.getKey(), e.getValue().asString("")));
            JsonNode approval = c.path("approval_requests");
            String status = approval.path("status").asString(null);
            out.add(new Template(
                    c.path("sid").asString(""),
                    c.path("friendly_name").asString(""),
                    c.path("language").asString(null),
                    body == null ? "" : body,
                    variables,
                    status == null || status.isBlank() ? "unsubmitted" : status,
                    approval.path("category").asString(null),
                    blankToNull(approval.path("rejection_reason").asString(null))));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
