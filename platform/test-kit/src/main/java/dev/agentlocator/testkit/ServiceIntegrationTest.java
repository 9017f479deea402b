package dev.agentlocator.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A full Spring Boot test of a service on a random port, against a real PostgreSQL database of its
 * own (fresh for this test class) and a real Kafka broker. Eureka registration is off; JWTs are
 * validated against {@link TestJwks#shared()}, which publishes {@link TestJwt#KEY}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextCustomizerFactories(IntegrationInfrastructureCustomizerFactory.class)
public @interface ServiceIntegrationTest {}
