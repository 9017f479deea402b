package dev.agentlocator.telephony.whatsapp;

import dev.agentlocator.platform.kit.errors.ApiException;
import dev.agentlocator.telephony.providers.ProviderException;
import dev.agentlocator.telephony.twilio.TwilioContent;
import dev.agentlocator.telephony.twilio.TwilioContent.Template;
import dev.agentlocator.telephony.whatsapp.TemplateRepository.PurposeTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * WhatsApp templates (ADR 0029): the account's Content templates with their approval, the owner's
 * choice of template per purpose, and filling a template's placeholders from the customer and the
 * document. In the sandbox (no Twilio account) every purpose has a built-in template.
 */
@Service
public class TemplateService {

    static final List<String> PURPOSES = List.of("opening", "task_follow_up", "signing_link", "invoice");
    /** What a placeholder can be filled with; the customer's fields come from the customer card. */
    static final Set<String> FIELDS = Set.of("customerName", "customerFirstName", "link", "documentNumber", "amount");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");
    private static final Map<String, String> FIELD_LABELS = Map.of(
            "customerName", "שם הלקוח",
            "customerFirstName", "השם הפרטי של הלקוח",
            "link", "קישור",
            "documentNumber", "מספר המסמך",
            "amount", "סכום");

    private final TwilioContent content;
    private final TemplateRepository purposes;

    TemplateService(TwilioContent content, TemplateRepository purposes) {
        this.content = content;
        this.purposes = purposes;
    }

    /** A template ready to send: Twilio's sid, its variables as JSON-able map, and the Hebrew text. */
    record Filled(String purpose, String contentSid, String name, Map<String, String> variables, String text) {}

    List<Template> list() {
        try {
            return content.list();
        } catch (ProviderException e) {
            throw new ApiException(
                    HttpStatus.BAD_GATEWAY,
                    "templates_unavailable",
                    "לא הצלחנו לקבל את רשימת התבניות מ־Twilio. נסו שוב בעוד רגע.",
                    Map.of("reason", e.reason()));
        }
    }

    /** The tenant's choices, and in the sandbox the built-in template of each purpose not chosen. */
    List<PurposeTemplate> purposes(UUID tenantId) {
        Map<String, PurposeTemplate> out = new LinkedHashMap<>();
        for (String purpose : PURPOSES) {
            resolve(tenantId, purpose).ifPresent(t -> out.put(purpose, t));
        }
        return List.copyOf(out.values());
    }

    Optional<PurposeTemplate> resolve(UUID tenantId, String purpose) {
        var chosen = purposes.find(tenantId, purpose);
        if (chosen.isPresent() || !content.sandbox()) {
            return chosen;
        }
        return content.list().stream()
                .filter(t -> t.friendlyName().equals("sandbox_" + purpose))
                .findFirst()
                .map(t -> new PurposeTemplate(
                        purpose, t.sid(), t.friendlyName(), t.body(), defaultVariables(purpose, t)));
    }

    /** The owner picks an approved template for a purpose; the variables default by position. */
    PurposeTemplate choose(UUID tenantId, String purpose, String contentSid, Map<String, String> variables) {
        requirePurpose(purpose);
        Template template = list().stream()
                .filter(t -> t.sid().equals(contentSid))
                .findFirst()
                .orElseThrow(() -> ApiException.badRequest("template_not_found", "התבנית לא נמצאה בחשבון ה־Twilio"));
        if (!template.approved()) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "template_not_approved",
                    "WhatsApp עדיין לא אישר את התבנית (" + statusHebrew(template.whatsappStatus())
                            + "). אפשר לבחור רק תבנית מאושרת.");
        }
        Map<String, String> mapping = variables == null || variables.isEmpty()
                ? defaultVariables(purpose, template)
                : new LinkedHashMap<>(variables);
        for (var e : mapping.entrySet()) {
            if (!FIELDS.contains(e.getValue())) {
                throw ApiException.badRequest(
                        "unknown_template_field", "אין שדה בשם " + e.getValue() + " למילוי משתנה " + e.getKey());
            }
        }
        for (String placeholder : placeholders(template.body())) {
            if (!mapping.containsKey(placeholder)) {
                throw ApiException.badRequest(
                        "template_variable_unmapped", "לא נבחר שדה למשתנה {{" + placeholder + "}} של התבנית");
            }
        }
        var chosen = new PurposeTemplate(purpose, template.sid(), template.friendlyName(), template.body(), mapping);
        purposes.put(tenantId, chosen);
        return chosen;
    }

    void clear(UUID tenantId, String purpose) {
        requirePurpose(purpose);
        if (!purposes.remove(tenantId, purpose)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "template_not_chosen", "לא נבחרה תבנית למטרה הזו");
        }
    }

    /** Fills the purpose's template; the customer's fields are ours, the others the caller's. */
    Filled fill(UUID tenantId, String purpose, String customerName, Map<String, String> values) {
        requirePurpose(purpose);
        PurposeTemplate t = resolve(tenantId, purpose)
                .orElseThrow(() -> new ApiException(
                        HttpStatus.CONFLICT,
                        "whatsapp_template_missing",
                        "לא נבחרה תבנית WhatsApp ל" + purposeHebrew(purpose)
                                + ". בעל החשבון בוחר תבניות מאושרות בהגדרות WhatsApp.",
                        Map.of("purpose", purpose)));
        Map<String, String> known = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((k, v) -> {
                if (v != null && !v.isBlank()) {
                    known.put(k, v.strip());
                }
            });
        }
        String name = customerName == null ? "" : customerName.strip();
        known.put("customerName", name);
        known.put("customerFirstName", name.contains(" ") ? name.substring(0, name.indexOf(' ')) : name);
        Map<String, String> variables = new LinkedHashMap<>();
        for (var e : t.variables().entrySet()) {
            String value = known.get(e.getValue());
            if (value == null || value.isBlank()) {
                throw new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "template_value_missing",
                        "חסר " + FIELD_LABELS.getOrDefault(e.getValue(), e.getValue()) + " כדי למלא את התבנית",
                        Map.of("field", e.getValue()));
            }
            variables.put(e.getKey(), value);
        }
        return new Filled(purpose, t.contentSid(), t.name(), variables, render(t.body(), variables));
    }

    static String render(String body, Map<String, String> variables) {
        Matcher m = PLACEHOLDER.matcher(body == null ? "" : body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static List<String> placeholders(String body) {
        Matcher m = PLACEHOLDER.matcher(body == null ? "" : body);
        var out = new java.util.LinkedHashSet<String>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return List.copyOf(out);
    }

    /** {{1}} is the customer's name; {{2}} the purpose's document field. */
    static Map<String, String> defaultVariables(String purpose, Template template) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String placeholder : placeholders(template.body())) {
            mapping.put(
                    placeholder,
                    switch (placeholder) {
                        case "1" -> "customerName";
                        case "2" ->
                            switch (purpose) {
                                case "signing_link" -> "link";
                                case "invoice" -> "documentNumber";
                                default -> "customerFirstName";
                            };
                        case "3" -> "amount";
                        default -> "customerName";
                    });
        }
        return mapping;
    }

    static void requirePurpose(String purpose) {
        if (purpose == null || !PURPOSES.contains(purpose)) {
            throw ApiException.badRequest(
                    "unknown_purpose", "מטרה לא מוכרת. אפשר: פתיחת שיחה, מעקב משימה, קישור לחתימה, חשבונית");
        }
    }

    static String purposeHebrew(String purpose) {
        return switch (purpose) {
            case "opening" -> "פתיחת שיחה";
            case "task_follow_up" -> "מעקב אחרי משימה";
            case "signing_link" -> "שליחת קישור לחתימה";
            case "invoice" -> "שליחת חשבונית";
            default -> purpose;
        };
    }

    static String statusHebrew(String status) {
        return switch (String.valueOf(status)) {
            case "approved" -> "מאושרת";
            case "pending", "received" -> "ממתינה לאישור";
            case "rejected" -> "נדחתה";
            case "paused" -> "מושהית";
            case "disabled" -> "מושבתת";
            default -> "לא הוגשה לאישור";
        };
    }
}
