package dev.agentlocator.localstack.readiness;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Reads Eureka's registry ({@code GET /eureka/apps}, {@code Accept: application/json}): which
 * applications have at least one instance with status UP.
 *
 * <p>The answer looks like {@code {"applications":{"application":[{"name":"CRM-SERVICE",
 * "instance":[{"app":"CRM-SERVICE","status":"UP",...}]}]}}}; older codecs write a single
 * application or instance as an object instead of a one-element array, so both are accepted.
 */
public final class EurekaRegistry {

    private EurekaRegistry() {}

    /** Upper-case names of the applications with an instance UP; empty when the text is not a registry. */
    public static Set<String> upApplications(String json) {
        Set<String> up = new TreeSet<>();
        Json.parse(json).ifPresent(root -> {
            for (JsonNode application : elements(root.path("applications").path("application"))) {
                for (JsonNode instance : elements(application.path("instance"))) {
                    if ("UP".equalsIgnoreCase(instance.path("status").asString(""))) {
                        String name = application.path("name").asString("");
                        if (name.isEmpty()) {
                            name = instance.path("app").asString("");
                        }
                        if (!name.isEmpty()) {
                            up.add(name.toUpperCase(Locale.ROOT));
                        }
                    }
                }
            }
        });
        return up;
    }

    private static Iterable<JsonNode> elements(JsonNode node) {
        if (node.isArray()) {
            return node;
        }
        return node.isObject() ? java.util.List.of(node) : java.util.List.of();
    }
}
