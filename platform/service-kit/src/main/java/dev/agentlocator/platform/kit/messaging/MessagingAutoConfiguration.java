package dev.agentlocator.platform.kit.messaging;

import dev.agentlocator.platform.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumer discipline for every service: envelopes read leniently, handlers run once per event id,
 * a failing record retried with exponential back-off long enough to ride out a database failover
 * and then parked on its consumer group's own dead-letter topic, poison records parked at once,
 * operators able to list and replay the dead letters, and the producer's trace continued and its
 * correlation id on the consumer's log lines (ADR 0014, ADR 0025).
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"
        })
@EnableConfigurationProperties(MessagingProperties.class)
@Import(DeadLetterController.class)
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
    ProcessedEventPruning processedEventPruning(JdbcClient jdbc, Clock clock, MessagingProperties properties) {
        return new ProcessedEventPruning(jdbc, clock, properties);
    }

    @Bean
    RetryPauses consumerRetryPauses() {
        return new RetryPauses();
    }

    /**
     * Retries block the record's partition, so a customer's events still apply in order, but not
     * the consumer: between attempts the container is paused and keeps polling, so it stays in its
     * group however long the back-off ({@code max.poll.interval.ms} never runs out).
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler deadLetteringErrorHandler(
            KafkaTemplate<String, String> kafka,
            KafkaAdmin admin,
            MessagingProperties properties,
            @Value("${agentlocator.kafka.replication-factor}") short replicas,
            MeterRegistry meters,
            RetryPauses pauses) {
        var topics = new DeadLetterTopics(admin, replicas, properties.deadLetterRetention());
        var handler = new DefaultErrorHandler(
                new DeadLetterRecoverer(kafka, topics, meters),
                backOff(properties.retry()),
                new ContainerPausingBackOffHandler(new ListenerContainerPauseService(null, pauses.scheduler())));
        handler.addNotRetryableExceptions(PoisonEventException.class);
        // During an outage the failure changes shape (a broken connection, then no connection):
        // keep counting against the same budget instead of starting over with each new exception.
        handler.setResetStateOnExceptionChange(false);
        return handler;
    }

    static BackOff backOff(MessagingProperties.Retry retry) {
        var backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxElapsedTime(retry.maxElapsed().toMillis());
        return backOff;
    }

    @Bean
    DeadLetters deadLetters(KafkaListenerEndpointRegistry listeners, ConsumerFactory<?, ?> consumers, JdbcClient jdbc) {
        return new DeadLetters(listeners, consumers, jdbc);
    }

    @Bean
    @ConditionalOnMissingBean
    RecordInterceptor<Object, Object> correlationRecordInterceptor(
            ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new CorrelationRecordInterceptor(
                tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    /**
     * Every domain topic exists before anyone produces or listens. Dead-letter topics are made per
     * consumer group when first needed ({@link DeadLetterTopics}).
     */
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
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
