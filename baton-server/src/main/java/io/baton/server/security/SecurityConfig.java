package io.baton.server.security;

import io.baton.api.time.TimeSource;
import io.baton.server.config.BatonProperties;
import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Stateless security: API keys and, when an issuer is configured, JWT bearer tokens; the role
 * checks of {@link AccessRules} per namespace; CORS for the configured origins only; security
 * headers; every refusal as a problem document.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {
  private static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
          + "connect-src 'self' ws: wss:; frame-ancestors 'none'; object-src 'none'";

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http, ApiKeyStore keys, BatonProperties properties, TimeSource clock)
      throws Exception {
    BatonProperties.Security security = properties.security();
    RateLimiter limiter = new RateLimiter(clock, security.requestsPerSecond(), security.burst());
    http.csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .cors(c -> c.configurationSource(cors(security.corsOrigins())))
        .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)))
        .authorizeHttpRequests(
            a ->
                // async and error dispatches re-enter the chain after the first pass authorised
                // them
                a.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(r -> AccessRules.isPublic(r.getRequestURI()))
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                        (req, res, ex) ->
                            ProblemWriter.write(
                                req,
                                res,
                                HttpStatus.UNAUTHORIZED,
                                "authentication required: send X-API-Key or a bearer token"))
                    .accessDeniedHandler(
                        (req, res, ex) ->
                            ProblemWriter.write(req, res, HttpStatus.FORBIDDEN, "access denied")))
        .addFilterBefore(new ApiKeyFilter(keys), AnonymousAuthenticationFilter.class)
        .addFilterAfter(
            new AccessFilter(limiter, security.maxRequestBytes()), AuthorizationFilter.class);
    BatonProperties.Jwt jwt = security.jwt();
    if (jwt.enabled()) {
      http.oauth2ResourceServer(
          o ->
              o.jwt(
                  j ->
                      j.decoder(decoder(jwt))
                          .jwtAuthenticationConverter(
                              token -> authentication(token, jwt.rolesClaim()))));
    }
    // Nothing here has a session or a login page: no logout, no saved request to replay after a
    // login, no servlet request wrapper for isUserInRole — three filters fewer on every request.
    http.httpBasic(b -> b.disable())
        .formLogin(f -> f.disable())
        .logout(l -> l.disable())
        .requestCache(r -> r.disable())
        .servletApi(s -> s.disable());
    return http.build();
  }

  /**
   * No observation around each security filter, nor around authentication and authorization: a
   * request is observed once, as a whole, by {@code http.server.requests}. A predicate that turns
   * the observations off ({@code management.observations.enable.spring.security}) still wraps every
   * filter in a decorator; without observations the chain is not decorated at all. The wrappers
   * were a tenth of an API request's CPU samples (W6).
   */
  @Bean
  SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /** A token's caller: its subject and the grants in its roles claim. */
  static BatonAuthentication authentication(Jwt token, String rolesClaim) {
    Object claim = token.getClaims().get(rolesClaim);
    List<String> grants = new ArrayList<>();
    if (claim instanceof Collection<?> list) {
      list.forEach(g -> grants.add(String.valueOf(g)));
    } else if (claim instanceof String text && !text.isBlank()) {
      grants.addAll(List.of(text.trim().split("[\\s,]+")));
    }
    return new BatonAuthentication("jwt:" + token.getSubject(), Grants.parse(grants));
  }

  private static JwtDecoder decoder(BatonProperties.Jwt jwt) {
    boolean hasIssuer = jwt.issuerUri() != null && !jwt.issuerUri().isBlank();
    if (jwt.jwkSetUri() != null && !jwt.jwkSetUri().isBlank()) {
      NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
      if (hasIssuer) {
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(jwt.issuerUri()));
      }
      return decoder;
    }
    // discovery is deferred to the first token, so that the server starts while the issuer is down
    return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(jwt.issuerUri()));
  }

  private static UrlBasedCorsConfigurationSource cors(List<String> origins) {
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    if (!origins.isEmpty()) {
      CorsConfiguration config = new CorsConfiguration();
      config.setAllowedOrigins(origins);
      config.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
      config.setAllowedHeaders(
          List.of("Content-Type", "Authorization", ApiKeyFilter.HEADER, "X-Baton-Namespace"));
      config.setMaxAge(3600L);
      source.registerCorsConfiguration("/**", config);
    }
    return source;
  }
}
