package dev.agentlocator.gateway.security;

import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import dev.agentlocator.gateway.docs.ApiDocsProperties;
import dev.agentlocator.gateway.docs.ApiDocsProperties.Access;
import dev.agentlocator.gateway.errors.GatewayError;
import dev.agentlocator.gateway.errors.JsonErrorWriter;
import dev.agentlocator.gateway.routing.ServerPaths;
import dev.agentlocator.platform.security.tokens.AccessTokenValidator;
import dev.agentlocator.platform.security.tokens.JwkSetCache;
import dev.agentlocator.platform.security.tokens.ServiceLocation;
import dev.agentlocator.platform.security.tokens.TokenClaims;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The gateway's door: a valid access token for everything under /api/ except the few public
 * routes. Services check the token again; the gateway forwards it untouched.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    /**
     * What anyone may call: signing in, the links mailed for accounts, Twilio's webhooks (the service checks their signature),
     * the recorded voice answers Twilio fetches, the signing page (its one-time token is the
     * credential), the socket (its token comes in the STOMP CONNECT frame), ConversationRelay's
     * socket (telephony checks the handshake's Twilio signature), probes and scrapes, and the web
     * client.
     */
    static final ServerWebExchangeMatcher PUBLIC = ServerWebExchangeMatchers.matchers(
            ServerWebExchangeMatchers.pathMatchers(
                    HttpMethod.POST,
                    "/api/auth/signup",
                    "/api/auth/login",
                    "/api/auth/refresh",
                    // the mailed links of self-service accounts: the link's token is the credential (ADR 0031)
                    "/api/auth/verify-email",
                    "/api/auth/verify-email/resend",
                    "/api/auth/password/forgot",
                    "/api/auth/password/reset",
                    "/api/auth/email/confirm",
                    "/api/auth/invitations/accept"),
            ServerWebExchangeMatchers.pathMatchers(
                    "/webhook/**", "/static/voice_responses/**", "/api/public/sign/**", "/ws/**", "/relay/**"),
            ServerWebExchangeMatchers.pathMatchers(
                    HttpMethod.GET,
                    "/actuator/health",
                    "/actuator/health/**",
                    "/actuator/prometheus",
                    "/actuator/info",
                    // a service worker may need it before anyone has signed in
                    "/api/notifications/vapid-public-key"),
            exchange -> HttpMethod.GET.equals(exchange.getRequest().getMethod())
                            && !ServerPaths.isServerPath(
                                    exchange.getRequest().getPath().pathWithinApplication())
                    ? MatchResult.match()
                    : MatchResult.notMatch());

    /** The platform admin's role in the token's {@code roles} claim. */
    static final String ADMIN = "admin";

    /** The Swagger UI's page and files: no secret in them, so public unless the documents are off. */
    private static final String[] DOCS_UI = {"/api/docs/ui", "/api/docs/ui/**"};

    private static final String[] DOCS = {"/api/docs", "/api/docs/*"};

    @Bean
    SecurityWebFilterChain securityWebFilterChain(
            ServerHttpSecurity http,
            ReactiveJwtDecoder jwtDecoder,
            JsonSecurityErrors errors,
            CorsConfigurationSource corsConfigurationSource,
            ApiDocsProperties docs) {
        Access docsAccess = docs.mode();
        return http
                // A bearer-token API: no session to ride on, so no CSRF, no login page, no cookies.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .cors(cors -> cors.configurationSource(corsConfigurationSource))
                // Spring Security's defaults (nosniff, X-Frame-Options DENY, HSTS over HTTPS, no-store
                // for responses that say nothing about caching) plus a policy and a referrer rule;
                // each header only where the response does not carry one already.
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .authorizeExchange(exchanges -> {
                    // operators' endpoints (ADR 0026): the service checks the role again
                    exchanges.pathMatchers("/api/admin/**").hasRole(ADMIN);
                    switch (docsAccess) {
                        case OPEN ->
                            exchanges
                                    .pathMatchers(HttpMethod.GET, DOCS_UI)
                                    .permitAll()
                                    .pathMatchers(HttpMethod.GET, DOCS)
                                    .permitAll();
                        case ADMIN ->
                            exchanges
                                    .pathMatchers(HttpMethod.GET, DOCS_UI)
                                    .permitAll()
                                    .pathMatchers(DOCS)
                                    .hasRole(ADMIN);
                        case OFF -> {
                            // not served: an authenticated caller gets the gateway's 404
                        }
                    }
                    exchanges.matchers(PUBLIC).permitAll().anyExchange().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(rolesAsAuthorities()))
                        .bearerTokenConverter(ignoringPublicRoutes(new ServerBearerTokenAuthenticationConverter()))
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .build();
    }

    /** The token's {@code roles} claim as {@code ROLE_<role>} authorities, as the services read it. */
    private static ReactiveJwtAuthenticationConverterAdapter rolesAsAuthorities() {
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(TokenClaims.ROLES);
        authorities.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    /**
     * The web client sends its token with every call; a stale one must not lock the user out of
     * the very routes that sign them in again.
     */
    private static ServerAuthenticationConverter ignoringPublicRoutes(ServerAuthenticationConverter bearer) {
        return exchange ->
                PUBLIC.matches(exchange).flatMap(result -> result.isMatch() ? Mono.empty() : bearer.convert(exchange));
    }

    /** The firewall's refusals (encoded slashes, "..", odd characters) in the suite's JSON too. */
    @Bean
    ServerExchangeRejectedHandler exchangeRejectedHandler(JsonErrorWriter writer) {
        return (exchange, rejected) -> writer.write(exchange.getResponse(), GatewayError.BAD_REQUEST);
    }

    /**
     * crm-service's published keys, fetched from an instance the registry names (never through the
     * gateway itself) and held by the rules of {@link JwkSetCache}; the checks are the services'.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(
            GatewaySecurityProperties properties,
            ObjectProvider<Clock> clockProvider,
            ObjectProvider<DiscoveryClient> discovery) {
        Clock clock = clockProvider.getIfAvailable(Clock::systemUTC);
        var location = ServiceLocation.of(properties.jwkSetUri(), service -> instancesOf(discovery, service));
        var keys = new JwkSetCache(
                JwkSetCache.overHttp(location, properties.jwkSetTimeout()),
                properties.jwkSetTtl(),
                JwkSetCache.MIN_REFRESH_INTERVAL,
                clock);
        // the cache may block on a fetch: never on an event-loop thread
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(jwt -> Mono.fromCallable(
                                () -> keys.get(new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader())), null))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMapIterable(found -> found))
                .jwsAlgorithm(TokenClaims.SPRING_ALGORITHM)
                .build();
        decoder.setJwtValidator(AccessTokenValidator.create(clock));
        return decoder;
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
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        var cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Correlation-Id"));
        cors.setExposedHeaders(List.of("X-Correlation-Id"));
        cors.setMaxAge(Duration.ofHours(1));
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
