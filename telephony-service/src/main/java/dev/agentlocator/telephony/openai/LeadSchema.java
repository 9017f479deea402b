package dev.agentlocator.telephony.openai;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The structured output the receptionist's model must give (OpenAI's {@code response_format:
 * json_schema}, strict): the spoken reply and the lead as far as the call told it. Strict mode
 * wants every property required and {@code additionalProperties: false}, so a detail the caller
 * has not given is {@code null}. The model is held to the schema by OpenAI, and the answer is
 * still checked here field by field ({@link #lead}): a field of the wrong type or out of range is
 * dropped and named, never passed on.
 */
public final class LeadSchema {

    static final String NAME = "receptionist_turn";
    static final Set<String> INTENTS = Set.of("buy", "rent", "sell", "other");
    static final int MAX_TEXT = 120;
    static final int MAX_SUMMARY = 1200;
    static final long MAX_BUDGET_SHEKELS = 1_000_000_000L;

    /** The lead object's JSON schema alone: the streaming receptionist's {@code record_lead} tool takes it. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> leadParameters() {
        Map<String, Object> format = responseFormat();
        Map<String, Object> schema =
                (Map<String, Object>) ((Map<String, Object>) format.get("json_schema")).get("schema");
        return (Map<String, Object>) ((Map<String, Object>) schema.get("properties")).get("lead");
    }

    /** The {@code json_schema} object of the request. */
    static Map<String, Object> responseFormat() {
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("name", nullable("string", "שם המתקשר כפי שאמר אותו"));
        Map<String, Object> intent =
                nullable("string", "מה המתקשר רוצה: buy קנייה, rent שכירות, sell מכירה, other אחר");
        List<Object> intents = new ArrayList<>(List.of("buy", "rent", "sell", "other"));
        intents.add(null);
        intent.put("enum", intents);
        lead.put("intent", intent);
        lead.put("area", nullable("string", "האזור או העיר המבוקשים"));
        lead.put("rooms", nullable("number", "מספר החדרים (אפשר חצאים, למשל 3.5)"));
        lead.put("budget", nullable("integer", "התקציב בשקלים"));
        lead.put("timing", nullable("string", "מתי המתקשר רוצה לעבור או לסגור, במילים שלו"));
        lead.put("summary", nullable("string", "פסקה אחת בעברית שמסכמת את השיחה עד עכשיו"));
        lead.put("callbackPromised", Map.of("type", "boolean", "description", "האם הבטחת שנציג יחזור אל המתקשר"));
        Map<String, Object> leadObject = new LinkedHashMap<>();
        leadObject.put("type", "object");
        leadObject.put("properties", lead);
        leadObject.put("required", List.copyOf(lead.keySet()));
        leadObject.put("additionalProperties", false);

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("reply", Map.of("type", "string", "description", "תשובה קצרה בעברית שתושמע למתקשר"));
        properties.put("lead", leadObject);
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", List.of("reply", "lead"));
        schema.put("additionalProperties", false);

        Map<String, Object> jsonSchema = new LinkedHashMap<>();
        jsonSchema.put("name", NAME);
        jsonSchema.put("strict", true);
        jsonSchema.put("schema", schema);
        Map<String, Object> format = new LinkedHashMap<>();
        format.put("type", "json_schema");
        format.put("json_schema", jsonSchema);
        return format;
    }

    /** The lead's fields that pass the schema and our ranges, nulls left out; {@code rejected} names the rest. */
    public static Map<String, Object> lead(JsonNode lead, List<String> rejected) {
        Map<String, Object> valid = new LinkedHashMap<>();
        if (lead == null || lead.isMissingNode() || lead.isNull()) {
            return valid;
        }
        if (!lead.isObject()) {
            rejected.add("lead");
            return valid;
        }
        text(lead, "name", MAX_TEXT, valid, rejected);
        text(lead, "area", MAX_TEXT, valid, rejected);
        text(lead, "timing", MAX_TEXT, valid, rejected);
        text(lead, "summary", MAX_SUMMARY, valid, rejected);
        JsonNode intent = lead.path("intent");
        if (present(intent)) {
            if (intent.isString() && INTENTS.contains(intent.asString())) {
                valid.put("intent", intent.asString());
            } else {
                rejected.add("intent");
            }
        }
        JsonNode rooms = lead.path("rooms");
        if (present(rooms)) {
            BigDecimal r = rooms.isNumber() ? rooms.decimalValue() : null;
            // whole or half rooms, as Israeli listings count them
            if (r != null
                    && r.signum() > 0
                    && r.compareTo(BigDecimal.valueOf(30)) <= 0
                    && r.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() <= 0) {
                valid.put("rooms", r.stripTrailingZeros().scale() <= 0 ? (Object) r.intValue() : r.doubleValue());
            } else {
                rejected.add("rooms");
            }
        }
        JsonNode budget = lead.path("budget");
        if (present(budget)) {
            if (budget.isIntegralNumber() && budget.asLong() > 0 && budget.asLong() <= MAX_BUDGET_SHEKELS) {
                valid.put("budget", budget.asLong());
            } else {
                rejected.add("budget");
            }
        }
        JsonNode promised = lead.path("callbackPromised");
        if (present(promised)) {
            if (promised.isBoolean()) {
                valid.put("callbackPromised", promised.booleanValue());
            } else {
                rejected.add("callbackPromised");
            }
        }
        return valid;
    }

    private static void text(JsonNode lead, String field, int max, Map<String, Object> valid, List<String> rejected) {
        JsonNode node = lead.path(field);
        if (!present(node)) {
            return;
        }
        String value = node.isString() ? node.asString().replaceAll("\\s+", " ").strip() : null;
        if (value == null || value.length() > max || value.codePoints().anyMatch(Character::isISOControl)) {
            rejected.add(field);
        } else if (!value.isEmpty()) {
            valid.put(field, value);
        }
    }

    private static boolean present(JsonNode node) {
        return !node.isMissingNode() && !node.isNull();
    }

    private static Map<String, Object> nullable(String type, String description) {
        Map<String, Object> property = new LinkedHashMap<>();
        property.put("type", List.of(type, "null"));
        property.put("description", description);
        return property;
    }

    private LeadSchema() {}
}
