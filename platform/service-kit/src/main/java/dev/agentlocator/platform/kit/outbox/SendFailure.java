package dev.agentlocator.platform.kit.outbox;

import java.util.List;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Why one outbox row could not be sent. Only a refusal of the record itself (too large for the
 * producer or the broker, not serialisable, invalid for its topic) can park a row: sending it again
 * unchanged will fail the same way. Everything else (Kafka unreachable, no acknowledgement in
 * time, a missing permission) is about the surroundings and is retried for as long as it lasts.
 */
record SendFailure(Throwable cause) {

    private static final int MAX_REASON_LENGTH = 2_000;

    private static final List<Class<? extends Throwable>> RECORD_REFUSALS = List.of(
            RecordTooLargeException.class,
            RecordBatchTooLargeException.class,
            InvalidRecordException.class,
            InvalidTopicException.class,
            SerializationException.class);

    boolean refusesTheRecord() {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            Throwable current = t;
            if (RECORD_REFUSALS.stream().anyMatch(type -> type.isInstance(current))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Kafka's own exception when there is one (Spring's wrappers only say "failed to send"). */
    String reason() {
        Throwable kafka = null;
        Throwable root = cause;
        for (Throwable t = cause; t != null && t.getCause() != t; t = t.getCause()) {
            if (kafka == null && t instanceof KafkaException) {
                kafka = t;
            }
            root = t;
        }
        String reason = (kafka != null ? kafka : root).toString();
        return reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) + "…" : reason;
    }
}
