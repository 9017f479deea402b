package dev.agentlocator.platform.kit.security;

import dev.agentlocator.platform.security.tokens.AccessTokenDecoders;
import dev.agentlocator.platform.security.tokens.JwkSetCache;
import dev.agentlocator.platform.security.tokens.ServiceLocation;
import dev.agentlocator.platform.security.tokens.TokenClaims;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Defence in depth: every service validates the access token itself (the gateway did too) and
 * takes the tenant from it. Stateless, bearer tokens only; roles become {@code ROLE_<role>}.
 */
@AutoConfiguration
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityAutoConfiguration {

    private static final List<String> ALWAYS_PUBLIC =
            List.of("/actuator/health/**", "/actuator/prometheus", "/actuator/info", "/v3/api-docs/**", "/error");

    /**
     * crm-service's published keys (ADR 0021). A token's lifetime and the keys' freshness are
     * real time, not the service's {@link Clock} bean: that is its business calendar, which tests
     * move to other days while the token they send was just signed.
     */
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(SecurityProperties properties, ObjectProvider<DiscoveryClient> discovery) {
        Clock clock = Clock.systemUTC();
        var location = ServiceLocation.of(properties.jwkSetUri(), service -> instancesOf(discovery, service));
        var keys = new JwkSetCache(
                JwkSetCache.overHttp(location, properties.jwkSetTimeout()),
                properties.jwkSetTtl(),
                JwkSetCache.MIN_REFRESH_INTERVAL,
                clock);
        return AccessTokenDecoders.blocking(keys, clock);
    }

    private static List<URI> instancesOf(ObjectProvider<DiscoveryClient> discovery, String service) {
        DiscoveryClient client = discovery.getIfAvailable();
        return client == null
                ? List.of()
                : client.getInstances(service).stream()
                        .map(ServiceInstance::getUri)
                        .toList();
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties, JsonMapper json)
            throws Exception {
        var errors = new JsonSecurityErrors(json);
        var roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(TokenClaims.ROLES);
        roles.setAuthorityPrefix("ROLE_");
        var authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(roles);

        http.csrf(csrf -> csrf.disable())
                .cors(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(HttpMethod.OPTIONS, "/**").permitAll();
                    auth.requestMatchers(ALWAYS_PUBLIC.toArray(String[]::new)).permitAll();
                    if (!properties.publicPaths().isEmpty()) {
                        auth.requestMatchers(properties.publicPaths().toArray(String[]::new))
                                .permitAll();
                    }
                    auth.anyRequest().authenticated();
                })
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(authentication))
                        .authenticationEntryPoint(errors.unauthorized())
                        .accessDeniedHandler(errors.forbidden()))
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(errors.unauthorized()).accessDeniedHandler(errors.forbidden()));
        return http.build();
    }

    @Bean
    WebMvcConfigurer currentUserArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserResolver());
            }
        };
    }

    private static final class CurrentUserResolver implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == CurrentUser.class;
        }

        @Override
        public Object resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer mav,
                NativeWebRequest request,
                WebDataBinderFactory binderFactory) {
            return CurrentUser.get();
        }
    }
}
