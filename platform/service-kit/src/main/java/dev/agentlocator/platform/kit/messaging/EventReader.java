package dev.agentlocator.platform.kit.messaging;

import dev.agentlocator.platform.events.EventEnvelope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads envelopes from record values, tolerating fields it does not know. */
public class EventReader {

    private final JsonMapper json;

    public EventReader(JsonMapper json) {
        this.json = json.rebuild()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public EventEnvelope read(String value) {
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("Empty record value");
        }
        try {
            return json.readValue(value, EventEnvelope.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("Not an event envelope: " + e.getMessage(), e);
        }
    }
}
