package dev.agentlocator.discovery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Whoever can register in the registry receives the traffic of the name it registers under (an
 * impostor {@code CRM-SERVICE} would receive logins), so every registry call needs the registry's
 * credentials over HTTP basic: the services and the gateway send them from their {@code EUREKA_URL}.
 * Only health and metrics stay open, for the orchestrator's probes and Prometheus.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryProperties.class)
class RegistrySecurity {

    static final String[] OPEN = {"/actuator/health/**", "/actuator/info", "/actuator/prometheus"};

    private static final Logger log = LoggerFactory.getLogger(RegistrySecurity.class);

    @Bean
    SecurityFilterChain registryFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth ->
                        auth.requestMatchers(OPEN).permitAll().anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Eureka's REST API is called by programs with basic credentials on every request, never
                // with a browser's session, so there is no CSRF token to send; the console keeps CSRF.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/eureka/**"));
        return http.build();
    }

    @Bean
    UserDetailsService registryAccount(RegistryProperties properties, Environment environment) {
        String password = properties.password();
        if (!properties.hasPassword()) {
            if ("production".equalsIgnoreCase(environment.getProperty("APP_ENV", ""))) {
                throw new MissingRegistryPasswordException();
            }
            password = generatedPassword();
            log.warn(
                    "EUREKA_PASSWORD is not set: until this registry restarts it accepts '{}' with the generated"
                            + " password {} (development only; clients put both in EUREKA_URL)",
                    properties.username(),
                    password);
        }
        return new InMemoryUserDetailsManager(User.withUsername(properties.username())
                .password(password)
                .roles("REGISTRY_CLIENT")
                .build());
    }

    /**
     * The password is a long random secret shared by programs, not a person's: compared in constant
     * time as it is, rather than through a deliberately slow KDF that every heartbeat of every
     * instance would pay for.
     */
    @Bean
    PasswordEncoder registryPasswordComparison() {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                return rawPassword.toString();
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                return encodedPassword != null
                        && MessageDigest.isEqual(
                                rawPassword.toString().getBytes(StandardCharsets.UTF_8),
                                encodedPassword.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    private static String generatedPassword() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
