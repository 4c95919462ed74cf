package io.baton.server.api;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request the server refuses, with the HTTP status and, where a field is at fault, a diagnostic
 * pointing at it. Rendered as an RFC 9457 problem by {@link Problems}.
 */
public class ApiError extends RuntimeException {
  private final HttpStatus status;
  private final List<ApiDiagnostic> errors;

  /** A refusal with a message and the diagnostics of the offending fields. */
  public ApiError(HttpStatus status, String detail, List<ApiDiagnostic> errors) {
    super(detail);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  /** The resource does not exist (or belongs to another namespace, which is not said). */
  public static ApiError notFound(String what, String id) {
    return new ApiError(HttpStatus.NOT_FOUND, what + " '" + id + "' does not exist", List.of());
  }

  /** A field of the request is wrong. */
  public static ApiError badField(String pointer, String code, String message) {
    return new ApiError(
        HttpStatus.BAD_REQUEST, message, List.of(ApiDiagnostic.error(code, message, pointer)));
  }

  /** The request conflicts with the resource's state. */
  public static ApiError conflict(String message) {
    return new ApiError(HttpStatus.CONFLICT, message, List.of());
  }

  /** The HTTP status. */
  public HttpStatus status() {
    return status;
  }

  /** The diagnostics of the offending fields. */
  public List<ApiDiagnostic> errors() {
    return errors;
  }
}
