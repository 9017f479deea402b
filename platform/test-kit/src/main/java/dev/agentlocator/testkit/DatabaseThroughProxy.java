package dev.agentlocator.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link ServiceIntegrationTest}: the service's datasource reaches its database through a
 * {@link dev.agentlocator.testkit.infra.TcpProxy}, available to the test as a bean, which the test
 * can cut and restore to take the database away from this service alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DatabaseThroughProxy {}
