package dev.agentlocator.platform.kit.logging;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The correlation id ties together every log line a request causes, in every service it reaches
 * and every consumer of the events it emits. It lives in the MDC under {@link #MDC_KEY}.
 */
public final class Correlation {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    /** Kafka record header that carries it from the outbox to consumers. */
    public static final String KAFKA_HEADER = "correlationId";

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The current id, or {@code null} outside a request or event. */
    public static String currentId() {
        return MDC.get(MDC_KEY);
    }

    /** {@code candidate} when it is a safe id to log and forward, a new one otherwise. */
    public static String acceptOrCreate(String candidate) {
        return candidate != null && ACCEPTABLE.matcher(candidate).matches()
                ? candidate
                : UUID.randomUUID().toString();
    }

    private Correlation() {}
}
