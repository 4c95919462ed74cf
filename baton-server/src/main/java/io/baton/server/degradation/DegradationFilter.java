package io.baton.server.degradation;

import io.baton.server.security.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses what the current {@link DegradationLevel} turns off with {@code 503 Service Unavailable},
 * a {@code Retry-After} and a problem naming the level. Registered after the security filters, so
 * that an unauthenticated caller still learns nothing but {@code 401}.
 */
@Component
class DegradationFilter extends OncePerRequestFilter {
  private final Degradation degradation;

  DegradationFilter(Degradation degradation) {
    this.degradation = degradation;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    DegradationLevel level = degradation.level();
    if (!level.refuses(request.getMethod(), request.getRequestURI())) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(degradation.retryAfterSeconds()));
    ProblemWriter.write(
        request,
        response,
        new ProblemWriter.Refusal(
            HttpStatus.SERVICE_UNAVAILABLE,
            "the server is at degradation level "
                + level.number()
                + " ("
                + level.title()
                + "), which turns off "
                + String.join(", ", level.turnedOff())
                + ": try again later",
            Map.of("level", level.number(), "levelTitle", level.title())));
  }
}
