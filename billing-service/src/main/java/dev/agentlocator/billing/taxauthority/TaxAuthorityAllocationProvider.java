package dev.agentlocator.billing.taxauthority;

import dev.agentlocator.billing.allocation.AllocationProvider;
import dev.agentlocator.billing.common.SoftwareProperties;
import dev.agentlocator.billing.taxauthority.TaxAuthorityClient.ApiAnswer;
import dev.agentlocator.billing.taxauthority.TaxAuthorityConnections.Access;
import dev.agentlocator.platform.kit.israel.IsraeliIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Allocation numbers from the Tax Authority's Israel Invoices API. Every answer class is mapped:
 * approved → the number; refused or invalid data → the reason in Hebrew with what to fix; 401 →
 * renew the access token and send once more, then ask the owner to reconnect; 408, 429, 5xx and no
 * answer at all → retried later with the same request (the caller's back-off); the rest → a failure
 * retrying cannot fix.
 */
class TaxAuthorityAllocationProvider implements AllocationProvider {

    static final String NAME = "tax_authority";

    static final String TEMPORARY = "רשות המסים עמוסה או אינה זמינה כרגע; נבקש שוב אוטומטית.";
    static final String BUSINESS_ID_MISSING = "חסר מספר עוסק תקין של העסק. יש להזין אותו בהגדרות החיוב ולבקש שוב.";
    static final String CUSTOMER_ID_INVALID =
            "מספר העוסק של הלקוח אינו תקין (9 ספרות עם ספרת ביקורת). יש לתקן את פרטי הלקוח ולבקש מספר הקצאה שוב.";
    static final String NOT_ACCEPTED = "רשות המסים לא קיבלה את הבקשה (קוד HTTP %d). פנו לתמיכה; החשבונית ממתינה.";
    static final String NO_PERMISSION = "למשתמש שחיבר את העסק אין הרשאה להקצות מספרים לעוסק זה ברשות המסים."
            + " יש לחבר מחדש עם משתמש מורשה (בעל העסק או מייצג מורשה).";

    /** What to tell the owner for the refusal codes the Tax Authority documents, with what to do. */
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(431, "מספר העוסק של העסק אינו תקין לפי רשות המסים. יש לבדוק אותו בהגדרות החיוב ולבקש שוב."),
            Map.entry(432, "מספר העוסק של הלקוח אינו תקין לפי רשות המסים. יש לתקן את פרטי הלקוח ולבקש שוב."),
            Map.entry(434, "תאריך החשבונית ישן מכדי לקבל מספר הקצאה. יש לבטל אותה בחשבונית זיכוי ולהפיק חשבונית חדשה."),
            Map.entry(435, "תאריך החשבונית רחוק מדי בעתיד. יש לבטל אותה בחשבונית זיכוי ולהפיק חשבונית בתאריך הנכון."),
            Map.entry(
                    436,
                    "סכום המע״מ בחשבונית גבוה מהמחושב לפי שיעור המע״מ. יש לבדוק את שיעור המע״מ בהגדרות ולהפיק מחדש."),
            Map.entry(
                    460,
                    "רשות המסים סירבה להקצות מספר לחשבונית. יש לברר את פרטי העסקה מול הלקוח; אפשר לבקש שימוע"
                            + " באזור האישי באתר רשות המסים, או לבטל את החשבונית בחשבונית זיכוי."),
            Map.entry(
                    461,
                    "רשות המסים סירבה להקצות מספר לחשבונית ועדיין לא התקבלה החלטה בעניינה. יש לבקש שימוע באזור"
                            + " האישי באתר רשות המסים או לבטל את החשבונית בחשבונית זיכוי."),
            Map.entry(
                    462,
                    "רשות המסים סירבה להקצות מספר לחשבונית וכבר התקבלה החלטה בעניינה. פרטים באזור האישי באתר"
                            + " רשות המסים."));

    private final TaxAuthorityConnections connections;
    private final TaxAuthorityClient client;
    private final SoftwareProperties software;
    private final JsonMapper json;

    TaxAuthorityAllocationProvider(
            TaxAuthorityConnections connections,
            TaxAuthorityClient client,
            SoftwareProperties software,
            JsonMapper json) {
        this.connections = connections;
        this.client = client;
        this.software = software;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Answer request(Request request) {
        if (!IsraeliIds.isValid(request.businessId())) {
            return Answer.failed(BUSINESS_ID_MISSING, null, "business VAT number missing or invalid");
        }
        if (!IsraeliIds.isValid(request.customerVatId())) {
            return Answer.rejected(CUSTOMER_ID_INVALID, false, null, "customer VAT number fails its check digit");
        }
        String body = json.writeValueAsString(ApprovalRequests.body(request, software));
        Access access = connections.access(request.tenantId());
        if (access.token() == null) {
            return unavailable(access);
        }
        try {
            ApiAnswer answer = client.approve(access.token(), body);
            if (answer.status() == 401) {
                Access renewed = connections.renewAfterRejection(request.tenantId(), access.token());
                if (renewed.token() == null) {
                    return unavailable(renewed);
                }
                answer = client.approve(renewed.token(), body);
                if (answer.status() == 401) {
                    return Answer.reconnect(TaxAuthorityConnections.RECONNECT, 401, "401 after renewing the token");
                }
            }
            return classify(answer);
        } catch (TaxAuthorityClient.Unreachable e) {
            // Sent, perhaps received: the same request goes again later, never a different one.
            return Answer.retry(TEMPORARY, null, null, e.getMessage());
        }
    }

    private Answer classify(ApiAnswer answer) {
        int status = answer.status();
        if (status == 408 || status == 429 || status >= 500) {
            return Answer.retry(TEMPORARY, status, answer.retryAfter().orElse(null), abbreviate(answer.body()));
        }
        if (status == 403) {
            return Answer.reconnect(NO_PERMISSION, status, abbreviate(answer.body()));
        }
        JsonNode body = parse(answer.body());
        if (status == 200 && body.path("approved").asBoolean(false)) {
            String number = body.path("confirmation_number").asString("");
            if (!number.isBlank() && !"0".equals(number)) {
                return Answer.allocated(number, false);
            }
        }
        List<JsonNode> errors = errors(body);
        if ((status == 200 || status == 400) && !errors.isEmpty()) {
            if (errors.stream().anyMatch(e -> e.path("code").asInt() == 446)) {
                // "user id or user name required": our request, not the invoice, is at fault.
                return Answer.failed(NOT_ACCEPTED.formatted(status), status, abbreviate(answer.body()));
            }
            return Answer.rejected(reason(errors), false, status, abbreviate(answer.body()));
        }
        return Answer.failed(NOT_ACCEPTED.formatted(status), status, abbreviate(answer.body()));
    }

    /** The Hebrew reasons, each with the Tax Authority's own code and words for the accountant. */
    private static String reason(List<JsonNode> errors) {
        List<String> parts = new ArrayList<>();
        for (JsonNode error : errors) {
            int code = error.path("code").asInt();
            String known = REASONS.get(code);
            String theirs = error.path("message").asString("");
            parts.add((known != null ? known : "רשות המסים דחתה את הבקשה. יש לתקן את הפרטים ולבקש שוב.") + " (קוד "
                    + code + (theirs.isBlank() ? "" : ": " + theirs) + ")");
        }
        return String.join(" ", parts);
    }

    /** {@code message.errors}; the first version also sent {@code message} as a list of {errors}. */
    private static List<JsonNode> errors(JsonNode body) {
        List<JsonNode> errors = new ArrayList<>();
        JsonNode message = body.path("message");
        if (message.isArray()) {
            message.forEach(m -> m.path("errors").forEach(errors::add));
        } else {
            message.path("errors").forEach(errors::add);
        }
        return errors;
    }

    private static Answer unavailable(Access access) {
        return access.problem() == Outcome.RECONNECT
                ? Answer.reconnect(access.message(), null, access.detail())
                : Answer.retry(TEMPORARY, null, null, access.detail());
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (RuntimeException notJson) {
            return json.createObjectNode();
        }
    }

    private static String abbreviate(String body) {
        return body == null ? null : body.length() > 500 ? body.substring(0, 500) : body;
    }
}
