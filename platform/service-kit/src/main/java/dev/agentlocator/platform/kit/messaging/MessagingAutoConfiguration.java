package dev.agentlocator.platform.kit.messaging;

import dev.agentlocator.platform.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumer discipline for every service: envelopes read leniently, handlers run once per event id,
 * a failing record retried twice and then parked on {@code <topic>.DLT}, poison records parked at
 * once, and the producer's correlation id on the consumer's log lines.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"
        })
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventReader eventReader(JsonMapper json) {
        return new EventReader(json);
    }

    @Bean
    @ConditionalOnMissingBean
    IdempotentConsumer idempotentConsumer(JdbcClient jdbc, TransactionTemplate transactions) {
        return new IdempotentConsumer(jdbc, transactions);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, String> kafka) {
        var recoverer = new DeadLetterPublishingRecoverer(
                kafka, (record, e) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        var handler = new DefaultErrorHandler(recoverer, new FixedBackOff(200, 2));
        handler.addNotRetryableExceptions(PoisonEventException.class);
        return handler;
    }

    @Bean
    @ConditionalOnMissingBean
    RecordInterceptor<Object, Object> correlationRecordInterceptor() {
        return new CorrelationRecordInterceptor();
    }

    /** Every domain topic and its dead-letter topic exist before anyone produces or listens. */
    @Bean
    KafkaAdmin.NewTopics agentlocatorTopics(
            @Value("${agentlocator.kafka.partitions}") int partitions,
            @Value("${agentlocator.kafka.replication-factor}") short replicas) {
        var topics = new java.util.ArrayList<NewTopic>();
        for (String topic : Topics.DOMAIN_TOPICS) {
            topics.add(TopicBuilder.name(topic)
                    .partitions(partitions)
                    .replicas(replicas)
                    .build());
            topics.add(TopicBuilder.name(Topics.deadLetterOf(topic))
                    .partitions(1)
                    .replicas(replicas)
                    .build());
        }
        topics.add(TopicBuilder.name(Topics.CRM_TENANT)
                .partitions(partitions)
                .replicas(replicas)
                .compact()
                .build());
        topics.add(TopicBuilder.name(Topics.CRM_USER)
                .partitions(partitions)
                .replicas(replicas)
                .compact()
                .build());
        topics.add(TopicBuilder.name(Topics.deadLetterOf(Topics.CRM_USER))
                .partitions(1)
                .replicas(replicas)
                .build());
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
