package dev.agentlocator.platform.kit;

import dev.agentlocator.platform.kit.docs.ApiDocument;
import dev.agentlocator.platform.kit.errors.ApiErrorHandler;
import dev.agentlocator.platform.kit.errors.JsonErrorController;
import dev.agentlocator.platform.kit.logging.CorrelationIdFilter;
import dev.agentlocator.platform.kit.mail.MailProperties;
import dev.agentlocator.platform.kit.mail.Mailer;
import dev.agentlocator.platform.kit.outbox.Outbox;
import dev.agentlocator.platform.kit.outbox.OutboxGauges;
import dev.agentlocator.platform.kit.outbox.OutboxProperties;
import dev.agentlocator.platform.kit.outbox.OutboxRelay;
import dev.agentlocator.platform.kit.outbox.ParkedEvents;
import dev.agentlocator.platform.kit.outbox.ParkedEventsController;
import dev.agentlocator.platform.kit.production.ProductionSecrets;
import dev.agentlocator.platform.kit.web.BodySizeLimitFilter;
import dev.agentlocator.platform.kit.web.CanonicalPathFilter;
import dev.agentlocator.platform.kit.web.ClientAddress;
import dev.agentlocator.platform.kit.web.ForwardedProperties;
import dev.agentlocator.platform.kit.web.WebProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.swagger.v3.oas.models.OpenAPI;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/** What every AgentLocator service gets by depending on service-kit. */
@AutoConfiguration(
        beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
        afterName = {
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"
        })
@EnableConfigurationProperties({
    OutboxProperties.class,
    WebProperties.class,
    ForwardedProperties.class,
    MailProperties.class
})
@Import({ApiErrorHandler.class, JsonErrorController.class, ParkedEventsController.class})
public class KitAutoConfiguration {

    /** Static, and a bean factory post-processor: checked before any other bean is created. */
    @Bean
    static ProductionSecrets productionSecrets() {
        return new ProductionSecrets();
    }

    /**
     * "Now" for the services' calendar rules (today, this week, this month, overdue), so that a test
     * can put a fixed clock in its place and pass on any date, in any zone.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The suite's one mail sender over SMTP_* (ADR 0031). */
    @Bean
    @ConditionalOnMissingBean
    Mailer mailer(MailProperties properties, Clock clock) {
        return new Mailer(properties, clock);
    }

    /**
     * Right after Boot's observation filter ({@code HIGHEST_PRECEDENCE + 1}), which starts the
     * request's span: the correlation id is its trace id (ADR 0025).
     */
    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        var registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /**
     * Right after the correlation id (so the refusal is logged with one) and before every filter
     * that looks at the path, Spring Security's included.
     */
    @Bean
    FilterRegistrationBean<CanonicalPathFilter> canonicalPathFilter(JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new CanonicalPathFilter(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @Bean
    ClientAddress clientAddress(ForwardedProperties properties) {
        return new ClientAddress(properties);
    }

    /** Right after the correlation id, so even a refused body is logged with one. */
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(JsonMapper json, WebProperties properties) {
        var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(json, properties));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    OutboxRelay outboxRelay(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            KafkaTemplate<String, String> kafka,
            OutboxProperties properties,
            MeterRegistry meters,
            ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        return new OutboxRelay(
                jdbc,
                transactions,
                kafka,
                properties,
                meters,
                tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    ParkedEvents parkedEvents(JdbcClient jdbc, OutboxRelay relay) {
        return new ParkedEvents(jdbc, relay);
    }

    @Bean
    OutboxGauges outboxGauges(JdbcClient jdbc, ParkedEvents parked, Clock clock, MeterRegistry meters) {
        return new OutboxGauges(jdbc, parked, clock, meters);
    }

    @Bean
    Outbox outbox(
            JdbcClient jdbc,
            JsonMapper json,
            OutboxRelay relay,
            ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        return new Outbox(
                jdbc,
                json,
                relay,
                tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    /**
     * With {@code TRACING_LOG_SPANS=true} every finished span is also written to the log (logger
     * {@code io.opentelemetry.exporter.logging.LoggingSpanExporter}): traces on a machine without a
     * collector (docs/operations.md, "Tracing").
     */
    @Bean
    @ConditionalOnProperty(name = "agentlocator.tracing.log-spans", havingValue = "true")
    SpanExporter loggingSpanExporter() {
        return LoggingSpanExporter.create();
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI apiDocument(
            @Value("${spring.application.name}") String application, ObjectProvider<BuildProperties> build) {
        return ApiDocument.of(application, Optional.ofNullable(build.getIfAvailable()));
    }
}
