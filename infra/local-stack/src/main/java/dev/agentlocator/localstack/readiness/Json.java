package dev.agentlocator.localstack.readiness;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Lenient JSON reading for probe answers. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    /** The parsed document, or empty when {@code text} is not JSON. */
    public static Optional<JsonNode> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readTree(text));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** A top-level string field of a JSON object, e.g. {@code status} of an actuator health answer. */
    public static Optional<String> field(String text, String name) {
        return parse(text)
                .map(node -> node.get(name))
                .filter(JsonNode::isString)
                .map(JsonNode::stringValue);
    }
}
