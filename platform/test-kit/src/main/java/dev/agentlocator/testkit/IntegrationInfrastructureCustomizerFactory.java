package dev.agentlocator.testkit;

import dev.agentlocator.testkit.infra.TcpProxy;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Points a {@link ServiceIntegrationTest} at the shared infrastructure and a database of its own. */
final class IntegrationInfrastructureCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new PerClassInfrastructure(testClass);
    }

    /**
     * Equal only for the same test class, so Spring's context cache never lets two classes share
     * (and dirty) one database.
     */
    private static final class PerClassInfrastructure implements ContextCustomizer {

        private final Class<?> testClass;

        PerClassInfrastructure(Class<?> testClass) {
            this.testClass = testClass;
        }

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            var postgres = TestInfrastructure.postgres();
            String database = TestInfrastructure.createDatabase(testClass.getSimpleName());
            Map<String, Object> props = new HashMap<>();
            props.put("spring.datasource.url", postgres.jdbcUrl(database));
            if (testClass.isAnnotationPresent(DatabaseThroughProxy.class)) {
                var address = postgres.address();
                var proxy = TcpProxy.to(new InetSocketAddress(address.getHostString(), address.getPort()));
                props.put("spring.datasource.url", postgres.jdbcUrl(database, proxy.address()));
                context.getBeanFactory().registerSingleton("databaseProxy", proxy);
                context.addApplicationListener(event -> {
                    if (event instanceof ContextClosedEvent) {
                        proxy.close();
                    }
                });
            }
            props.put("spring.datasource.username", postgres.username());
            props.put("spring.datasource.password", postgres.password());
            // Spring caches one context per test class; idle pools of ten connections each would
            // exhaust a shared server's max_connections long before the suite ends.
            props.put("spring.datasource.hikari.minimum-idle", "1");
            props.put("spring.datasource.hikari.idle-timeout", "10000");
            props.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafkaBootstrapServers());
            props.put("spring.kafka.consumer.group-id", testClass.getSimpleName() + "-" + database);
            props.put("eureka.client.enabled", "false");
            props.put("spring.cloud.discovery.enabled", "false");
            props.put("agentlocator.security.jwk-set-uri", TestJwks.shared().url());
            // read by crm-service alone, the one signer; its tokens then verify against the set above
            props.put("agentlocator.tokens.signing-keys", TestJwt.signingKeys());
            // what crm-service and telephony-service read (and only they): telephony's client secret
            props.put("TELEPHONY_CLIENT_SECRET", TestJwt.TELEPHONY_CLIENT_SECRET);
            // a real SMTP server in this JVM (TestMail); the kit's Mailer sends there
            props.put("SMTP_HOST", "127.0.0.1");
            props.put("SMTP_PORT", String.valueOf(TestMail.port()));
            props.put("SMTP_SECURITY", "none");
            props.put("SMTP_FROM", "AgentLocator <noreply@agentlocator.test>");
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("agentlocator-test-infrastructure", props));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PerClassInfrastructure that && that.testClass == testClass;
        }

        @Override
        public int hashCode() {
            return Objects.hash(testClass);
        }
    }
}
