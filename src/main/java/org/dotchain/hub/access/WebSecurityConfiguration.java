package org.dotchain.hub.access;

import static org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import org.dotchain.hub.platform.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationProvider;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two ways in. The API authenticates with the bearer token from the two-factor login (POST /api/auth/tokens); it
 * keeps no session, so it needs no CSRF token; refusals are problem+json. The pages log in with a session: the
 * password first, then the TOTP code, a partial login ({@link PartialLogin}) in between; every form and htmx request
 * carries the session's CSRF token. Role checks are on the endpoints and pages (@PreAuthorize); unit and supplier
 * scoping is in every query.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class WebSecurityConfiguration {

    /** The API's paths; every other path is a page. */
    static final String[] API = {"/api/**", "/services/**", "/actuator/**", "/v3/api-docs*", "/v3/api-docs/**",
        "/swagger-ui/**", "/swagger-ui.html", "/contracts/**"};

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, TwoFactorLogin login, ObjectMapper json, AccessProperties access)
            throws Exception {
        PreAuthenticatedAuthenticationProvider tokens = new PreAuthenticatedAuthenticationProvider();
        tokens.setPreAuthenticatedUserDetailsService(token -> MetricsScraper.of(access.metricsToken(),
                (String) token.getPrincipal()).or(() -> login.userOf((String) token.getPrincipal()))
                .orElseThrow(() -> new BadCredentialsException("The token is unknown or expired")));
        AuthenticationFilter bearer = new AuthenticationFilter(new ProviderManager(tokens), request -> {
            String header = request.getHeader("Authorization");
            return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? new PreAuthenticatedAuthenticationToken(header.substring(7).trim(), "") : null;
        });
        bearer.setSuccessHandler((request, response, authentication) -> { });
        bearer.setFailureHandler((request, response, failure) -> problem(json, response, HttpStatus.UNAUTHORIZED,
                "unauthenticated", failure.getMessage()));
        // by path, whichever servlet serves it (Spring MVC's, or CXF's under /services)
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return http
                .securityMatcher(new OrRequestMatcher(Arrays.stream(API).map(paths::matcher)
                        .map(RequestMatcher.class::cast).toList()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs*", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                                .permitAll()
                        // the partners' message contracts, public like the API description that names them
                        .requestMatchers(HttpMethod.GET, "/contracts/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/auth/tokens").permitAll()
                        .requestMatchers("/api/activations/**").permitAll()
                        // suppliers' systems and the DPA finance system sign each request with their own key;
                        // the route checks it
                        .requestMatchers(HttpMethod.POST, "/api/suppliers/*/messages").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/finance/messages").permitAll()
                        // the same over SOAP: the CXF services check each request's signature; their WSDL is public
                        .requestMatchers(paths.matcher("/services/**")).permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyRole(Role.OPERATOR.name(), MetricsScraper.ROLE)
                        // the hub's figures and routes are the operators' (health and info answer anyone, above)
                        .requestMatchers("/actuator/**").hasRole(Role.OPERATOR.name())
                        // a person's token everywhere else; the scraper's reads the metrics only
                        .anyRequest().access((who, request) -> new AuthorizationDecision(
                                who.get().isAuthenticated() && who.get().getPrincipal() instanceof HubUser)))
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // no cookie logs anyone in here, so no request can ride on one: nothing for a CSRF token to guard
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problem(json, response,
                                HttpStatus.UNAUTHORIZED, "unauthenticated",
                                "Log in with POST /api/auth/tokens and send the token as 'Authorization: Bearer ...'"))
                        .accessDeniedHandler((request, response, e) -> problem(json, response, HttpStatus.FORBIDDEN,
                                "forbidden", "Your roles do not allow this")))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, SecurityContextRepository sessions, PersonRepository persons,
                              PlatformTransactionManager transactions, CsrfTokenRepository pageCsrfTokens,
                              RequestCache pageRequests, Clock clock) throws Exception {
        String[] roles = Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);
        return http
                .securityMatcher("/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/activate/**", "/webjars/**", "/css/**", "/img/**", "/error",
                                "/favicon.ico").permitAll()
                        .requestMatchers("/login/code").hasAuthority(PartialLogin.AUTHORITY)
                        .anyRequest().hasAnyRole(roles))
                .securityContext(context -> context.securityContextRepository(sessions))
                .csrf(csrf -> csrf.csrfTokenRepository(pageCsrfTokens))
                .requestCache(cache -> cache.requestCache(pageRequests))
                .addFilterAfter(new PageSessionCheck(persons, sessions, new TransactionTemplate(transactions), clock),
                        SecurityContextHolderFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> LoginRedirect.send(request, response,
                                "/login"))
                        .accessDeniedHandler((request, response, e) -> {
                            var who = SecurityContextHolder.getContext().getAuthentication();
                            response.sendRedirect(who instanceof PartialLogin ? "/login/code" : "/showcase?forbidden");
                        }))
                .sessionManagement(session -> session.invalidSessionStrategy((request, response) -> {
                    // a new session, so that the login page is not an ended session's again; the ended session's
                    // page is the one to go on to after the next login
                    request.getSession();
                    pageRequests.saveRequest(request, response);
                    LoginRedirect.send(request, response, "/login?expired");
                }))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?loggedOut")
                        .deleteCookies("JSESSIONID"))
                // no page's address (an activation link's token) goes to another site as a referrer
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'")))
                .build();
    }

    /** Where a page login's (partial, then whole) authentication is kept between requests: the session. */
    @Bean
    SecurityContextRepository sessionSecurityContext() {
        return new HttpSessionSecurityContextRepository();
    }

    /** The pages' CSRF tokens, in the session: a login replaces its token (see {@link LoginPages}). */
    @Bean
    CsrfTokenRepository pageCsrfTokens() {
        return new HttpSessionCsrfTokenRepository();
    }

    /**
     * The page a person asked for before logging in, to go on to after the login: a page, not one of its live
     * streams or htmx's pieces of a page.
     */
    @Bean
    RequestCache pageRequests() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(WebSecurityConfiguration::aPageAskedFor);
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    /** A browser's navigation to a page: not htmx's pieces, a live stream, a picture, nor the login itself. */
    static boolean aPageAskedFor(HttpServletRequest request) {
        String path = request.getRequestURI();
        return "GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null
                && String.valueOf(request.getHeader("Accept")).contains(MediaType.TEXT_HTML_VALUE)
                && !path.startsWith("/login") && !path.startsWith("/activate") && !path.startsWith("/logout");
    }

    /** BCrypt at the configured cost, each hash tagged with its encoding ({bcrypt}). */
    @Bean
    PasswordEncoder passwordEncoder(AccessProperties settings) {
        return new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(settings.passwordCost())));
    }

    /** Nobody logs in by username and password alone. */
    @Bean
    UserDetailsService noPasswordOnlyLogin() {
        return username -> {
            throw new UsernameNotFoundException("Log in with password and TOTP code at POST /api/auth/tokens");
        };
    }

    private static void problem(ObjectMapper json, HttpServletResponse response, HttpStatus status, String type,
                                String detail) throws IOException {
        ProblemDetail problem = Problems.of(status, type, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
