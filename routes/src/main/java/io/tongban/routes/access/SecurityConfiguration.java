package io.tongban.routes.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tongban.security.SignatureAlgorithm;
import io.tongban.security.pki.BusPki;
import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Closed by default: every endpoint needs a bearer token from a trusted issuer (or, on the department listener, a
 * client certificate of a registered department system) and a role that covers it, except
 * what is public by nature (health, the API document, trust anchors and CRLs, the latest log checkpoint, the
 * console's static files). Refusals are problem+json and, like every exchange, land in the exchange log.
 */
@Configuration
@EnableConfigurationProperties(AccessProperties.class)
class SecurityConfiguration {

    private static final String PLATFORM = Role.PLATFORM.name();
    private static final String DEPARTMENT = Role.DEPARTMENT.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String ADMIN = Role.ADMIN.name();

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtIssuerAuthenticationManagerResolver issuers, ObjectMapper json,
                            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping operations,
                            AccessProperties properties, BusPki pki) throws Exception {
        AccessProblems problems = new AccessProblems(json);
        UnlistedOperations unlisted = new UnlistedOperations(operations);
        // Spring's resolver answers every request with the same manager, which picks the issuer from the token's iss
        VerifiedTokens tokens = new VerifiedTokens(issuers.resolve(null), 10_000, Clock.systemUTC());
        http.csrf(csrf -> csrf.disable()) // bearer tokens, no cookies: nothing for a cross-site request to ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.principal("anonymous"))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .oauth2ResourceServer(server -> server.authenticationManagerResolver(request -> tokens)
                        .bearerTokenResolver(new AuthorizationHeaderToken())
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new ClientCertificateAuthentication(properties.mutualTls().consumers(),
                        pki.revocationChecker(), json, Clock.systemUTC()), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new ConsumerRecordingFilter(), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new ConsumerRateLimits(properties.rateLimit().perSecond(),
                        properties.rateLimit().consumers(), json), ConsumerRecordingFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/v3/api-docs",
                                "/v3/api-docs/**", "/api/v1/trust-anchors", "/api/v1/crls/*", "/api/v1/audit/checkpoint",
                                "/audit", "/audit/", "/audit/*.html", "/audit/*.js", "/audit/*.css").permitAll()
                        .requestMatchers("/api/v1/persons/**", "/api/v1/legal-entities/**").hasAnyRole(PLATFORM, DEPARTMENT)
                        .requestMatchers(HttpMethod.POST, "/api/v1/identity-checks").hasAnyRole(PLATFORM, DEPARTMENT)
                        .requestMatchers(HttpMethod.POST, "/api/v1/signatures/verify")
                        .hasAnyRole(PLATFORM, DEPARTMENT, AUDITOR)
                        .requestMatchers("/api/v1/change-feeds/**").hasRole(DEPARTMENT)
                        .requestMatchers("/api/v1/audit/**").hasRole(AUDITOR)
                        .requestMatchers("/api/v1/access-reports/**").hasAnyRole(AUDITOR, PLATFORM)
                        .requestMatchers("/api/v1/admin/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/materials").hasRole(PLATFORM)
                        .requestMatchers(HttpMethod.GET, "/api/v1/materials/*").hasRole(PLATFORM)
                        .requestMatchers(HttpMethod.POST, "/api/v1/submissions", "/api/v1/submissions/preview",
                                "/api/v1/submissions/*/materials/*").hasRole(PLATFORM)
                        .requestMatchers(HttpMethod.GET, "/api/v1/submissions/*").hasRole(PLATFORM)
                        .requestMatchers(HttpMethod.GET, "/api/v1/licences/*/status").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/licences", "/api/v1/licences/*",
                                "/api/v1/licences/*/verification").hasAnyRole(PLATFORM, DEPARTMENT)
                        .requestMatchers(HttpMethod.POST, "/api/v1/licences/*/revocation").hasRole(DEPARTMENT)
                        .requestMatchers(HttpMethod.POST, "/api/v1/licences").hasRole(PLATFORM)
                        .requestMatchers(HttpMethod.GET, "/api/v1/purposes", "/api/v1/matters", "/api/v1/matters/*")
                        .authenticated()
                        .requestMatchers("/api/v1/supervision/**").hasRole(AUDITOR)
                        .requestMatchers("/api/**").access(unlisted)
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .anyRequest().authenticated());
        return http.build();
    }

    /**
     * No observation around every filter of the chain: on a warm lookup they cost more than the filters themselves.
     * Requests stay observed as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's strict firewall, with its header checks in {@link HeaderCharacters}. */
    @Bean
    WebSecurityCustomizer strictFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::allowedInName);
        firewall.setAllowedHeaderValues(HeaderCharacters::allowedInValue);
        return web -> web.httpFirewall(firewall);
    }

    /** Static: it changes bean definitions, before any bean of this configuration exists. */
    @Bean
    static PlainSecurityFilterChain plainSecurityFilterChain() {
        return new PlainSecurityFilterChain();
    }

    /**
     * The rules' paths matched as path patterns, as Spring MVC matches them, without asking Spring MVC's handler
     * mappings for every rule of every request (Spring Security's default when MVC is present).
     */
    @Bean
    PathPatternRequestMatcherBuilderFactoryBean pathPatternMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    @Bean
    @ConditionalOnProperty(name = "bus.access.demo.enabled", havingValue = "true")
    DemoGrants demoGrants(GrantRepository grants, AccessProperties properties) {
        return new DemoGrants(grants, properties.demo().grants());
    }

    /**
     * The listener for department systems. In demo mode its certificate and the departments' client certificates
     * are issued by the demo PKI; otherwise both its certificate and its key must be configured.
     */
    @Bean
    @ConditionalOnProperty(name = "bus.access.mutual-tls.enabled", havingValue = "true")
    DepartmentTlsListener departmentTlsListener(AccessProperties properties, BusPki pki, Environment environment) {
        AccessProperties.MutualTls tls = properties.mutualTls();
        Path certificate;
        Path key;
        if (tls.certificate() == null && properties.demo().enabled()) {
            Path demo = Path.of(properties.demo().directory());
            DemoTlsCredentials.ensureIn(demo, pki.authority(SignatureAlgorithm.ECDSA_P256_SHA256).orElseThrow(() ->
                    new IllegalStateException("demo mode without the demo PKI: configure bus.access.mutual-tls"
                            + ".certificate and .private-key")), tls.consumers());
            certificate = DemoTlsCredentials.certificateFile(demo, DemoTlsCredentials.SERVER_NAME);
            key = DemoTlsCredentials.keyFile(demo, DemoTlsCredentials.SERVER_NAME);
        } else if (tls.certificate() == null || tls.privateKey() == null) {
            throw new IllegalStateException("bus.access.mutual-tls.enabled=true needs bus.access.mutual-tls.certificate"
                    + " and bus.access.mutual-tls.private-key (PEM files)");
        } else {
            certificate = Path.of(tls.certificate());
            key = Path.of(tls.privateKey());
        }
        return new DepartmentTlsListener(tls.port(), environment.getProperty("server.address"), certificate, key,
                pki.trustStore().anchors());
    }

    /** The trusted issuers by their {@code iss}, the demo issuer among them in demo mode; none is refused. */
    @Bean
    JwtIssuerAuthenticationManagerResolver issuers(AccessProperties properties, Environment environment) {
        Map<String, AuthenticationManager> managers = new HashMap<>();
        for (AccessProperties.Issuer issuer : properties.issuers()) {
            managers.put(issuer.issuer(), manager(TokenDecoders.forIssuer(issuer, properties.audience(),
                    properties.clockSkew())));
        }
        if (properties.demo().enabled()) {
            DemoIssuer.requireDemoAllowed(Arrays.asList(environment.getActiveProfiles()),
                    environment.getProperty("server.address"));
            DemoIssuer demo = DemoIssuer.startIn(Path.of(properties.demo().directory()), properties.audience(),
                    properties.demo().tokenValidity(), properties.demo().department());
            managers.put(DemoIssuer.ISSUER, manager(TokenDecoders.forKey(demo.publicKey(), DemoIssuer.ISSUER,
                    properties.audience(), properties.clockSkew())));
        }
        if (managers.isEmpty()) {
            throw new IllegalStateException("No token issuer is trusted: configure bus.access.issuers (or, with the"
                    + " embedded defaults only, bus.access.demo.enabled=true); the bus does not start open");
        }
        return new JwtIssuerAuthenticationManagerResolver(managers::get);
    }

    private static AuthenticationManager manager(JwtDecoder decoder) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<String> claimed = jwt.getClaimAsStringList("roles");
            return claimed == null ? List.of() : Arrays.stream(Role.values())
                    .filter(role -> claimed.contains(role.claimValue()))
                    .map(role -> (org.springframework.security.core.GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                    .toList();
        });
        provider.setJwtAuthenticationConverter(roles);
        return provider::authenticate;
    }
}
