package dev.agentlocator.systemtests;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations of one service's OpenAPI document, and request bodies shaped by their schemas:
 * a plausible valid one, and the same with every string, or every value's type, replaced.
 */
final class OpenApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode document;

    private OpenApi(JsonNode document) {
        this.document = document;
    }

    static OpenApi parse(String json) {
        return new OpenApi(JSON.readTree(json));
    }

    /** One documented method on one path; {@code bodyTypes} maps media types to their schema. */
    record Operation(String service, String method, String path, Map<String, JsonNode> bodyTypes) {

        boolean hasBody() {
            return !bodyTypes.isEmpty();
        }

        boolean hasPathParameters() {
            return path.contains("{");
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + service + ")";
        }
    }

    List<Operation> operations(String service) {
        List<Operation> operations = new ArrayList<>();
        for (var path : document.path("paths").properties()) {
            for (var method : path.getValue().properties()) {
                String verb = method.getKey().toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(verb)) {
                    continue;
                }
                Map<String, JsonNode> bodies = new java.util.LinkedHashMap<>();
                for (var content :
                        method.getValue().path("requestBody").path("content").properties()) {
                    bodies.put(content.getKey(), resolve(content.getValue().path("schema")));
                }
                operations.add(new Operation(service, verb, path.getKey(), bodies));
            }
        }
        return operations;
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
            String ref = current.get("$ref").asString();
            current = document.at(ref.substring(1));
        }
        return current;
    }

    /** A body the schema's constraints accept, as far as they are documented. */
    JsonNode sample(JsonNode schema, Map<String, Object> knownValues) {
        return sample(resolve(schema), null, knownValues, 0);
    }

    private JsonNode sample(JsonNode schema, String name, Map<String, Object> known, int depth) {
        schema = resolve(schema);
        if (name != null && known.containsKey(name)) {
            Object value = known.get(name);
            return value instanceof Integer number ? NODES.numberNode(number) : NODES.stringNode(value.toString());
        }
        if (schema.has("allOf")) {
            return sample(schema.get("allOf").get(0), name, known, depth);
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            return sample((schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf")).get(0), name, known, depth);
        }
        String type = type(schema);
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 5) {
                    for (var property : schema.path("properties").properties()) {
                        object.set(property.getKey(), sample(property.getValue(), property.getKey(), known, depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int items = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < items; i++) {
                    array.add(sample(schema.path("items"), null, known, depth + 1));
                }
                return array;
            }
            case "integer" -> {
                long min = schema.has("minimum") ? schema.get("minimum").asLong() : 1;
                return NODES.numberNode(Math.max(
                        min,
                        schema.has("maximum")
                                ? Math.min(1, schema.get("maximum").asLong())
                                : 1));
            }
            case "number" -> {
                double min = schema.has("minimum") ? schema.get("minimum").asDouble() : 1;
                return NODES.numberNode(Math.max(min, 1));
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return NODES.stringNode(sampleString(schema, name));
            }
        }
    }

    private static String sampleString(JsonNode schema, String name) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asString();
        }
        String format = schema.path("format").asString("");
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        switch (format) {
            case "uuid" -> {
                return UUID.randomUUID().toString();
            }
            case "date-time" -> {
                return OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).toString();
            }
            case "date" -> {
                return LocalDate.now().toString();
            }
            case "email" -> {
                return "sweep@example.test";
            }
            default -> {}
        }
        if (lower.contains("email")) {
            return "sweep@example.test";
        }
        if (lower.contains("phone")) {
            return "+972501234567";
        }
        if (lower.equals("vatid") || lower.equals("businessid")) {
            return "514000009"; // an Israeli company number whose check digit adds up
        }
        if (schema.has("pattern")) {
            for (String alternative : schema.get("pattern").asString().split("\\|")) {
                if (alternative.matches("[a-z_]+")) {
                    return alternative;
                }
                if (alternative.equals("\\s*")) {
                    return "";
                }
            }
        }
        int min = schema.path("minLength").asInt(1);
        return "x".repeat(Math.max(1, min));
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.has("properties") ? "object" : "string";
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
        }
        return type.asString();
    }

    /** {@code body} with every string value replaced by {@code replace} of it. */
    static JsonNode mapStrings(JsonNode body, UnaryOperator<String> replace) {
        if (body.isString()) {
            return NODES.stringNode(replace.apply(body.asString()));
        }
        if (body.isObject()) {
            ObjectNode copy = NODES.objectNode();
            body.properties().forEach(e -> copy.set(e.getKey(), mapStrings(e.getValue(), replace)));
            return copy;
        }
        if (body.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            body.forEach(item -> copy.add(mapStrings(item, replace)));
            return copy;
        }
        return body;
    }

    /** Every value of {@code body} as a type its schema does not allow. */
    static JsonNode wrongTypes(JsonNode body) {
        if (body.isObject()) {
            ObjectNode copy = NODES.objectNode();
            body.properties().forEach(e -> copy.set(e.getKey(), wrongType(e.getValue())));
            return copy;
        }
        return wrongType(body);
    }

    private static JsonNode wrongType(JsonNode value) {
        if (value.isString()) {
            // not a number: Jackson would quietly turn 42 into "42"
            return NODES.objectNode().put("$gt", "");
        }
        if (value.isNumber()) {
            return NODES.stringNode("שלוש-not-a-number");
        }
        if (value.isBoolean()) {
            return NODES.stringNode("maybe");
        }
        if (value.isArray()) {
            return NODES.stringNode("not-a-list");
        }
        return NODES.numberNode(42);
    }

    /** A named string value of a body, and the body with only that value replaced. */
    record Variant(String field, JsonNode body) {}

    /** One variant per string value of {@code body}: that value becomes {@code replacement}, the rest stay. */
    static List<Variant> eachStringReplaced(JsonNode body, String replacement) {
        List<Variant> variants = new ArrayList<>();
        int strings = countStrings(body);
        for (int i = 0; i < strings; i++) {
            String[] field = new String[1];
            int[] seen = {0};
            JsonNode changed = replaceNth(body, "", i, replacement, seen, field);
            variants.add(new Variant(field[0], changed));
        }
        return variants;
    }

    private static int countStrings(JsonNode body) {
        if (body.isString()) {
            return 1;
        }
        int count = 0;
        for (JsonNode child : body) {
            count += countStrings(child);
        }
        return count;
    }

    private static JsonNode replaceNth(
            JsonNode body, String path, int target, String replacement, int[] seen, String[] field) {
        if (body.isString()) {
            if (seen[0]++ == target) {
                field[0] = path.isEmpty() ? "(body)" : path;
                return NODES.stringNode(replacement);
            }
            return body;
        }
        if (body.isObject()) {
            ObjectNode copy = NODES.objectNode();
            body.properties()
                    .forEach(e -> copy.set(
                            e.getKey(),
                            replaceNth(
                                    e.getValue(),
                                    path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                                    target,
                                    replacement,
                                    seen,
                                    field)));
            return copy;
        }
        if (body.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            for (int i = 0; i < body.size(); i++) {
                copy.add(replaceNth(body.get(i), path + "[" + i + "]", target, replacement, seen, field));
            }
            return copy;
        }
        return body;
    }

    static boolean hasString(JsonNode body) {
        if (body.isString()) {
            return true;
        }
        for (JsonNode child : body) {
            if (hasString(child)) {
                return true;
            }
        }
        return false;
    }
}
