package dev.agentlocator.platform.kit.features;

import dev.agentlocator.platform.events.Topics;
import dev.agentlocator.platform.kit.messaging.EventReader;
import java.util.HashMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The {@link RequiresFeature} guard for every service, and, unless the service brings its own
 * {@link TenantFeatures} (crm-service does), flags kept in memory from {@code crm.tenant.v1}.
 */
@AutoConfiguration(
        afterName = "dev.agentlocator.platform.kit.messaging.MessagingAutoConfiguration",
        beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
public class FeaturesAutoConfiguration {

    @Bean
    WebMvcConfigurer featureGuard(TenantFeatures features) {
        var interceptor = new FeatureGuardInterceptor(features);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor);
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(TenantFeatures.class)
    static class EventFed {

        @Bean
        EventFedTenantFeatures eventFedTenantFeatures(EventReader reader) {
            return new EventFedTenantFeatures(reader);
        }

        /**
         * A consumer group of its own per instance, never committing: every instance reads the whole
         * compacted topic from the start and then follows it, and leaves no group behind.
         */
        @Bean
        KafkaMessageListenerContainer<String, String> tenantFeaturesListener(
                KafkaProperties kafka,
                EventFedTenantFeatures features,
                @Value("${spring.application.name:service}") String application) {
            var props = new HashMap<>(kafka.buildConsumerProperties());
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, application + "-features-" + UUID.randomUUID());
            var containerProperties = new ContainerProperties(Topics.CRM_TENANT);
            containerProperties.setMessageListener(
                    (MessageListener<String, String>) record -> features.accept(record.value()));
            containerProperties.setAckMode(ContainerProperties.AckMode.MANUAL_IMMEDIATE);
            return new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(props), containerProperties);
        }
    }
}
