package dev.agentlocator.crm.auth;

import dev.agentlocator.crm.users.Passwords;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
class AuthConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return Passwords.encoder();
    }
}
