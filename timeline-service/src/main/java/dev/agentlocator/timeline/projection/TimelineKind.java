package dev.agentlocator.timeline.projection;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a timeline entry is about; the SPA filters and picks icons by it. */
public enum TimelineKind {
    CALL,
    WHATSAPP,
    TASK,
    CONTRACT,
    INVOICE,
    SIGNATURE,
    CUSTOMER;

    /** The name on the wire and in {@code ?kinds=}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TimelineKind> fromWire(String value) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(value)).findFirst();
    }
}
