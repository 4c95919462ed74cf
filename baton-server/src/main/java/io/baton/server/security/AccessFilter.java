package io.baton.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After authentication: resolves the request's namespace ({@code X-Baton-Namespace}, or {@code
 * ?namespace=} on streams; default {@code default}), checks that the caller's role there is the one
 * {@link AccessRules} asks for (403 otherwise), applies the caller's rate limit (429) and the size
 * limit (413), and hands controllers a {@link Caller}.
 */
final class AccessFilter extends OncePerRequestFilter {
  static final String NAMESPACE_HEADER = "X-Baton-Namespace";
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private final RateLimiter limiter;
  private final long maxRequestBytes;

  AccessFilter(RateLimiter limiter, long maxRequestBytes) {
    this.limiter = limiter;
    this.maxRequestBytes = maxRequestBytes;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI();
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (AccessRules.isPublic(path) || !(auth instanceof BatonAuthentication caller)) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > maxRequestBytes) {
      ProblemWriter.write(
          request,
          response,
          HttpStatus.CONTENT_TOO_LARGE,
          "the request body is larger than the limit of " + maxRequestBytes + " bytes");
      return;
    }
    String namespace = namespaceOf(request);
    if (namespace == null) {
      ProblemWriter.write(
          request,
          response,
          HttpStatus.BAD_REQUEST,
          "namespace must be lower-case letters, digits and dashes, at most 63 characters");
      return;
    }
    Role needed = AccessRules.required(request.getMethod(), path);
    Role role = caller.grants().roleIn(namespace);
    if (role == null || !role.includes(needed)) {
      ProblemWriter.write(
          request,
          response,
          HttpStatus.FORBIDDEN,
          "this needs the role '"
              + needed.wireName()
              + "' in namespace '"
              + namespace
              + "'; the caller has "
              + (role == null ? "none" : "'" + role.wireName() + "'"));
      return;
    }
    Duration wait = limiter.acquire(caller.getName());
    if (!wait.isZero()) {
      response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
      ProblemWriter.write(
          request, response, HttpStatus.TOO_MANY_REQUESTS, "too many requests for this caller");
      return;
    }
    request.setAttribute(
        Caller.ATTRIBUTE, new Caller(caller.getName(), namespace, role, caller.grants()));
    chain.doFilter(request, response);
  }

  private static String namespaceOf(HttpServletRequest request) {
    String ns = request.getHeader(NAMESPACE_HEADER);
    if (ns == null || ns.isBlank()) {
      ns = request.getParameter("namespace");
    }
    if (ns == null || ns.isBlank()) {
      return "default";
    }
    return NAMESPACE.matcher(ns.trim()).matches() ? ns.trim() : null;
  }
}
