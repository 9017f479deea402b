package dev.agentlocator.platform.kit.messaging;

/**
 * A record no retry can fix (not JSON, not an envelope, a payload that breaks the handler's
 * assumptions). It goes straight to the dead-letter topic instead of blocking its partition.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public PoisonEventException(String message) {
        super(message);
    }
}
