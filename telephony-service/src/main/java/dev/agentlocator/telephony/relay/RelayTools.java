package dev.agentlocator.telephony.relay;

import dev.agentlocator.telephony.calls.CallLog;
import dev.agentlocator.telephony.customers.CustomerDirectory;
import dev.agentlocator.telephony.openai.LeadSchema;
import dev.agentlocator.telephony.openai.OpenAiStream.ToolCall;
import dev.agentlocator.telephony.settings.ReceptionistSettings.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the streaming receptionist's model may do besides talking (issue 24): look the caller up,
 * note the lead's details, promise a call-back, hand the call to a person, end it. Every argument
 * is checked before anything is kept; a call that does not pass answers the model with the reason
 * and writes nothing. Nothing here writes to another service: the lead and the call-back go out
 * with the turn, through the call's own events (ADR 0027), like the record flow's.
 */
@Component
class RelayTools {

    static final String LOOKUP_CALLER = "lookup_caller";
    static final String RECORD_LEAD = "record_lead";
    static final String SCHEDULE_CALLBACK = "schedule_callback";
    static final String HAND_OFF = "hand_off";
    static final String END_CALL = "end_call";

    static final int MAX_TEXT = 120;
    static final int MAX_SUMMARY = 600;

    /** How the session ends after a tool: to a person, or with a goodbye. */
    record Ending(String reasonCode, String summary) {
        static final String HANDOFF = "live-agent-handoff";
        static final String END = "end";
        static final String FALLBACK = "fallback";
    }

    /**
     * @param result what the model reads back
     * @param arguments the arguments as kept (only what passed), for the call's record
     * @param ending set when the tool ends the session
     */
    record Outcome(boolean ok, Map<String, Object> result, Map<String, Object> arguments, Ending ending) {
        static Outcome refused(String error, List<String> fields) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ok", false);
            result.put("error", error);
            if (!fields.isEmpty()) {
                result.put("rejected", fields);
            }
            return new Outcome(false, result, Map.of(), null);
        }
    }

    private final CustomerDirectory customers;
    private final JsonMapper json;
    private final List<Map<String, Object>> definitions = build();

    RelayTools(CustomerDirectory customers, JsonMapper json) {
        this.customers = customers;
        this.json = json;
    }

    /** OpenAI's {@code tools}: function definitions with JSON-schema parameters (built once). */
    List<Map<String, Object>> definitions() {
        return definitions;
    }

    private static List<Map<String, Object>> build() {
        return List.of(
                function(
                        LOOKUP_CALLER, "בדיקה אם המתקשר/ת כבר לקוח/ה של המשרד, ובאיזה שם", object(Map.of(), List.of())),
                function(
                        RECORD_LEAD,
                        "שמירת פרטי הליד שהמתקשר/ת אמר/ה עד עכשיו (שדה שלא נאמר הוא null)",
                        strict(LeadSchema.leadParameters())),
                function(
                        SCHEDULE_CALLBACK,
                        "קביעת שיחה חוזרת מנציג/ה, כשהמתקשר/ת מבקש/ת או מסכים/ה",
                        object(
                                Map.of(
                                        "when", nullableText("מתי נוח למתקשר/ת, במילים שלו/ה"),
                                        "reason", nullableText("על מה לחזור")),
                                List.of("when", "reason"))),
                function(
                        HAND_OFF,
                        "העברת השיחה לנציג/ה אנושי/ת, כשהמתקשר/ת מבקש/ת לדבר עם אדם",
                        object(
                                Map.of("summary", Map.of("type", "string", "description", "סיכום קצר לנציג/ה")),
                                List.of("summary"))),
                function(END_CALL, "סיום השיחה בנימוס כשהמתקשר/ת סיים/ה", object(Map.of(), List.of())));
    }

    /** Runs {@code call} for the conversation; {@code lead} collects what the turn learned. */
    Outcome run(ToolCall call, CallLog log, Settings settings, Map<String, Object> lead) {
        JsonNode args;
        try {
            args = call.arguments() == null || call.arguments().isBlank()
                    ? json.createObjectNode()
                    : json.readTree(call.arguments());
        } catch (JacksonException e) {
            return Outcome.refused("arguments_not_json", List.of());
        }
        if (args == null || !args.isObject()) {
            return Outcome.refused("arguments_not_an_object", List.of());
        }
        return switch (call.name() == null ? "" : call.name()) {
            case LOOKUP_CALLER -> lookUp(log);
            case RECORD_LEAD -> recordLead(args, lead);
            case SCHEDULE_CALLBACK -> scheduleCallback(args, lead);
            case HAND_OFF -> handOff(args, settings);
            case END_CALL -> new Outcome(true, Map.of("ok", true), Map.of(), new Ending(Ending.END, null));
            default -> Outcome.refused("unknown_tool", List.of());
        };
    }

    private Outcome lookUp(CallLog call) {
        var known = call.customerId() == null
                ? null
                : customers.find(call.tenantId(), call.customerId()).orElse(null);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ok", true);
        // a new caller's placeholder name is their phone: not a name to greet them by
        boolean named = known != null && known.name() != null && !known.name().equals(known.phone());
        result.put("knownCustomer", named);
        if (named) {
            result.put("name", known.name());
        }
        return new Outcome(true, result, Map.of(), null);
    }

    private Outcome recordLead(JsonNode args, Map<String, Object> lead) {
        List<String> rejected = new ArrayList<>();
        Map<String, Object> valid = LeadSchema.lead(args, rejected);
        rejected.addAll(unknownFields(args, LeadSchema.leadParameters()));
        if (!rejected.isEmpty()) {
            // nothing from a call that breaks the schema is kept: the model may try again
            return Outcome.refused("invalid_fields", rejected);
        }
        lead.putAll(valid);
        return new Outcome(true, Map.of("ok", true, "saved", valid.keySet()), valid, null);
    }

    private Outcome scheduleCallback(JsonNode args, Map<String, Object> lead) {
        List<String> rejected = new ArrayList<>();
        String when = text(args, "when", MAX_TEXT, rejected);
        String reason = text(args, "reason", MAX_SUMMARY, rejected);
        rejected.addAll(unknownFields(args, Map.of("properties", Map.of("when", 1, "reason", 1))));
        if (!rejected.isEmpty()) {
            return Outcome.refused("invalid_fields", rejected);
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("callbackPromised", true);
        if (when != null) {
            kept.put("timing", when);
        }
        lead.putAll(kept);
        Map<String, Object> arguments = new LinkedHashMap<>(kept);
        if (reason != null) {
            arguments.put("reason", reason);
        }
        return new Outcome(true, Map.of("ok", true, "promise", "נציג/ה יחזור/תחזור אל המתקשר/ת"), arguments, null);
    }

    private Outcome handOff(JsonNode args, Settings settings) {
        List<String> rejected = new ArrayList<>();
        String summary = text(args, "summary", MAX_SUMMARY, rejected);
        if (summary == null && rejected.isEmpty()) {
            rejected.add("summary");
        }
        if (!rejected.isEmpty()) {
            return Outcome.refused("invalid_fields", rejected);
        }
        if (handOffNumber(settings) == null) {
            return Outcome.refused("no_agent_available", List.of());
        }
        return new Outcome(true, Map.of("ok", true), Map.of("summary", summary), new Ending(Ending.HANDOFF, summary));
    }

    /** The hand-off number, else the click-to-call forwarding phone; null when neither is set. */
    static String handOffNumber(Settings settings) {
        return settings.handoffNumber() != null ? settings.handoffNumber() : settings.forwardTo();
    }

    private static String text(JsonNode args, String field, int max, List<String> rejected) {
        JsonNode node = args.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        String value = node.isString() ? node.asString().replaceAll("\\s+", " ").strip() : null;
        if (value == null || value.length() > max || value.codePoints().anyMatch(Character::isISOControl)) {
            rejected.add(field);
            return null;
        }
        return value.isEmpty() ? null : value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> unknownFields(JsonNode args, Map<String, Object> schema) {
        var known = ((Map<String, Object>) schema.get("properties")).keySet();
        List<String> unknown = new ArrayList<>();
        for (String name : args.propertyNames()) {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    private static Map<String, Object> function(String name, String description, Map<String, Object> parameters) {
        Map<String, Object> function = new LinkedHashMap<>();
        function.put("name", name);
        function.put("description", description);
        function.put("parameters", parameters);
        function.put("strict", true);
        return Map.of("type", "function", "function", function);
    }

    private static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", new LinkedHashMap<>(properties));
        schema.put("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    private static Map<String, Object> strict(Map<String, Object> schema) {
        return new LinkedHashMap<>(schema);
    }

    private static Map<String, Object> nullableText(String description) {
        return Map.of("type", List.of("string", "null"), "description", description);
    }
}
