package dev.agentlocator.crm.auth;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.agentlocator.crm.users.Passwords;
import dev.agentlocator.crm.users.UserRepository;
import dev.agentlocator.platform.security.tokens.AccessTokenDecoders;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AuthProperties.class, TokenProperties.class, AccountProperties.class})
class AuthConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return Passwords.encoder();
    }

    /**
     * The signer verifies with the keys it publishes, held in memory: the same rules as every other
     * service (ES256, the shared checks), without fetching its own JWKS over HTTP.
     */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, Clock clock, UserRepository users) {
        return new SignedOutTokens(AccessTokenDecoders.blocking(new ImmutableJWKSet<>(keys.published()), clock), users);
    }
}
