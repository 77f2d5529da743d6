package o2o.identity.security;

import java.util.List;

import o2o.identity.Customers;
import o2o.identity.PosKeys;
import o2o.identity.PosPrincipal;
import o2o.identity.Role;
import o2o.shared.web.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Two doors. {@code /api/**} is stateless and takes {@code Authorization: Bearer <token>} (or a store POS's API key); everything else is the web
 * (customer site, merchant console, operator console) with a session, CSRF protection and sign-in pages.
 * Sessions live in PostgreSQL ({@link WebSessions}) and are made only by what needs one (a sign-in, a cart, a step
 * of a flow): the CSRF token is kept in a cookie of its own, so a visitor who only browses costs no session row.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    private static final String[] STAFF = Role.staffRoleNames();

    private final ObjectProvider<Customers> customers;

    SecurityConfiguration(ObjectProvider<Customers> customers) {
        this.customers = customers;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * No observation per security filter, authentication or authorization: even turned off by an observation
     * predicate, the decorators wrapped each of a request's filters, which cost more than the search behind it. The
     * HTTP server observation (one per request, for the metrics) stays.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Tokens tokens, AuthenticationProblems problems, PosKeys posKeys,
            ProblemResponses problemResponses, StaffAccess access) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    PublicApi.OPEN.forEach(door -> {
                        var patterns = door.patterns().toArray(String[]::new);
                        (door.method() == null ? requests.requestMatchers(patterns)
                                : requests.requestMatchers(door.method(), patterns)).permitAll();
                    });
                    requests
                            .requestMatchers(PublicApi.POS).hasRole(PosPrincipal.ROLE)
                            .requestMatchers("/api/v1/admin/**").hasRole(Role.OPERATOR.name())
                            .requestMatchers("/api/v1/me/**", "/api/v1/orders/**").hasRole(Role.CUSTOMER.name());
                })
                .authorizeHttpRequests(SecurityConfiguration::merchantApi)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .addFilterBefore(new SessionlessApi(), SecurityContextHolderFilter.class)
                .addFilterBefore(new PosKeyAuthentication(posKeys, problemResponses), BearerTokenAuthenticationFilter.class)
                .addFilterBefore(new StaffAccessCheck(access), AuthorizationFilter.class)
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(PosKeyAuthentication.jwtOnly())
                        .jwt(jwt -> jwt.decoder(tokens.decoder()).jwtAuthenticationConverter(tokens::authentication))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /** Each merchant operation to the roles of the README's table ({@link MerchantApiRoles}); any other, nobody. */
    private static void merchantApi(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        for (var rule : MerchantApiRoles.RULES) {
            requests.requestMatchers(rule.method(), rule.path()).hasAnyRole(rule.authorities());
        }
        requests.requestMatchers(MerchantApiRoles.BASE + "/**").denyAll();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, SecurityContextRepository contexts, StaffAccess access,
            ConsoleSignIn consoleSignIn) throws Exception {
        http.authenticationManager(new ProviderManager(consoleSignIn))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/merchant/**").hasAnyRole(STAFF)
                        .requestMatchers("/admin/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers("/me/**").hasRole(Role.CUSTOMER.name())
                        .anyRequest().permitAll())
                .securityContext(context -> context.securityContextRepository(contexts))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()))
                .addFilterBefore(new StaffAccessCheck(access), AuthorizationFilter.class)
                .formLogin(form -> form
                        .loginPage("/staff/login")
                        .loginProcessingUrl("/staff/login")
                        .authenticationDetailsSource(ConsoleSignIn.clientAddress())
                        .failureHandler(ConsoleSignIn.failureHandler())
                        .successHandler((request, response, authentication) -> response.sendRedirect(
                                landing(authentication)))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/signin"),
                        PathPatternRequestMatcher.withDefaults().matcher("/me/**")));
        return http.build();
    }

    /**
     * The CSRF token in an HTTP-only cookie (pages read it from their meta tag), not in a session; sent back in a form
     * field or in the same header as when it was kept in the session ({@code X-CSRF-TOKEN}: uploads, htmx, scripts).
     */
    private static CookieCsrfTokenRepository csrfTokens() {
        var tokens = new CookieCsrfTokenRepository();
        tokens.setHeaderName("X-CSRF-TOKEN");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }

    /** Where staff land after signing in: operators on their console, couriers on their phone page. */
    private static String landing(org.springframework.security.core.Authentication authentication) {
        var authorities = authentication.getAuthorities().stream().map(a -> a.getAuthority()).toList();
        if (authorities.contains(Role.OPERATOR.authority())) return "/admin";
        if (authorities.contains(Role.COURIER.authority())) return "/merchant/courier";
        return "/merchant";
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentPrincipals(customers));
    }
}
