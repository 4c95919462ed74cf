package io.baton.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code X-API-Key: <key>}, or {@code ?api_key=<key>} on streams (browsers cannot set
 * headers on WebSocket and EventSource requests). A key that is unknown, expired or revoked is
 * refused with 401 at once; no key at all leaves the request to the other authentication methods.
 */
final class ApiKeyFilter extends OncePerRequestFilter {
  static final String HEADER = "X-API-Key";
  private final ApiKeyStore keys;

  ApiKeyFilter(ApiKeyStore keys) {
    this.keys = keys;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String text = keyOf(request);
    if (text == null) {
      chain.doFilter(request, response);
      return;
    }
    Optional<ApiKey> key = keys.authenticate(text);
    if (key.isEmpty()) {
      ProblemWriter.write(
          request, response, HttpStatus.UNAUTHORIZED, "the API key is unknown, expired or revoked");
      return;
    }
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        new BatonAuthentication("key:" + key.get().keyId(), Grants.parse(key.get().grants())));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private static String keyOf(HttpServletRequest request) {
    String header = request.getHeader(HEADER);
    if (header != null && !header.isBlank()) {
      return header.trim();
    }
    String path = request.getRequestURI();
    boolean stream = path.startsWith("/ws/") || path.endsWith("/stream");
    String query = request.getParameter("api_key");
    return stream && query != null && !query.isBlank() ? query.trim() : null;
  }
}
