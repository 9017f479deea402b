package dev.agentlocator.platform.kit.messaging;

import dev.agentlocator.platform.events.Topics;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The dead-letter topics of this service's consumer groups, one per group and source topic
 * ({@link Topics#deadLetterOf}). Created on a group's first dead letter rather than at start-up,
 * since the groups are known only once the listeners exist; production brokers do not create
 * topics on their own.
 */
class DeadLetterTopics {

    private final KafkaAdmin admin;
    private final short replicas;
    private final Duration retention;
    private final Set<String> existing = ConcurrentHashMap.newKeySet();

    DeadLetterTopics(KafkaAdmin admin, short replicas, Duration retention) {
        this.admin = admin;
        this.replicas = replicas;
        this.retention = retention;
    }

    /** The dead-letter topic of {@code group} for {@code topic}, created if it does not exist yet. */
    String ensure(String topic, String group) {
        String deadLetters = Topics.deadLetterOf(topic, group);
        if (!existing.contains(deadLetters)) {
            // One partition: dead letters are few, and an operator reads them in the order they failed.
            admin.createOrModifyTopics(TopicBuilder.name(deadLetters)
                    .partitions(1)
                    .replicas(replicas)
                    .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis()))
                    .build());
            existing.add(deadLetters);
        }
        return deadLetters;
    }
}
