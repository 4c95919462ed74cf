package io.baton.server.api;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.store.ConcurrentModificationException;
import io.baton.api.store.StoreUnavailableException;
import io.baton.engine.InvalidInputException;
import io.baton.engine.RunNotFoundException;
import io.baton.engine.language.DefinitionInvalidException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place that turns failures into RFC 9457 problem details ({@code
 * application/problem+json}): {@code {type, title, status, detail, instance, errors}}, where {@code
 * errors} are {@link ApiDiagnostic}s pointing at the offending fields.
 */
@RestControllerAdvice
public class Problems {
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  @ExceptionHandler(ApiError.class)
  ResponseEntity<ProblemDetail> api(ApiError e) {
    return problem(e.status(), e.getMessage(), e.errors());
  }

  @ExceptionHandler(DefinitionInvalidException.class)
  ResponseEntity<ProblemDetail> definition(DefinitionInvalidException e) {
    return problem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "the workflow definition is not valid",
        e.diagnostics().stream().map(ApiDiagnostic::of).toList());
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ProblemDetail> input(InvalidInputException e) {
    List<ApiDiagnostic> errors = new ArrayList<>();
    String prefix = e.getMessage().startsWith("the answer") ? "/value" : "/inputs";
    for (String problem : e.problems()) {
      int colon = problem.indexOf(": ");
      String pointer = colon > 0 && problem.startsWith("/") ? problem.substring(0, colon) : "";
      String message = colon > 0 ? problem.substring(colon + 2) : problem;
      errors.add(ApiDiagnostic.error("schema-mismatch", message, prefix + pointer));
    }
    return problem(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(), errors);
  }

  @ExceptionHandler(RunNotFoundException.class)
  ResponseEntity<ProblemDetail> runNotFound(RunNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
  }

  @ExceptionHandler(ConcurrentModificationException.class)
  ResponseEntity<ProblemDetail> conflict(ConcurrentModificationException e) {
    return problem(HttpStatus.CONFLICT, e.getMessage(), List.of());
  }

  @ExceptionHandler(StoreUnavailableException.class)
  ResponseEntity<ProblemDetail> unavailable(StoreUnavailableException e) {
    LOG.error("store unavailable", e);
    return problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), List.of());
  }

  /**
   * A failure of a module operation or a tool called through the API, by its kind: not found 404,
   * bad input or output 422, permission denied 403, rate-limited 429, unavailable or a dependency
   * down 503, a timeout 504, anything else 500.
   */
  @ExceptionHandler(StepException.class)
  ResponseEntity<ProblemDetail> step(StepException e) {
    ErrorKind kind = e.failure().kind();
    HttpStatus status =
        switch (kind) {
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case BAD_INPUT, BAD_OUTPUT, EXPRESSION -> HttpStatus.UNPROCESSABLE_CONTENT;
          case PERMISSION_DENIED -> HttpStatus.FORBIDDEN;
          case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
          case UNAVAILABLE, DEPENDENCY_DOWN -> HttpStatus.SERVICE_UNAVAILABLE;
          case TIMEOUT -> HttpStatus.GATEWAY_TIMEOUT;
          default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
      LOG.error("operation failed", e);
    }
    return problem(
        status, e.getMessage(), List.of(ApiDiagnostic.error(kind.wireName(), e.getMessage(), "")));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    String detail = "the request body is not valid JSON for this endpoint";
    return problem(
        HttpStatus.BAD_REQUEST,
        detail,
        List.of(ApiDiagnostic.error("unreadable-body", detail, "")));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
    String detail = "parameter '" + e.getName() + "' has the wrong type: '" + e.getValue() + "'";
    return problem(
        HttpStatus.BAD_REQUEST,
        detail,
        List.of(ApiDiagnostic.error("invalid-parameter", detail, "/" + e.getName())));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
    String detail = "parameter '" + e.getParameterName() + "' is required";
    return problem(
        HttpStatus.BAD_REQUEST,
        detail,
        List.of(ApiDiagnostic.error("missing-parameter", detail, "/" + e.getParameterName())));
  }

  @ExceptionHandler(ErrorResponseException.class)
  ResponseEntity<ProblemDetail> spring(ErrorResponseException e) {
    return problem(e.getStatusCode(), e.getBody().getDetail(), List.of());
  }

  @ExceptionHandler({
    HttpRequestMethodNotSupportedException.class,
    HttpMediaTypeNotSupportedException.class,
    NoResourceFoundException.class
  })
  ResponseEntity<ProblemDetail> springMvc(Exception e) {
    ErrorResponse response = (ErrorResponse) e;
    return problem(response.getStatusCode(), response.getBody().getDetail(), List.of());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<ProblemDetail> illegal(IllegalArgumentException e) {
    return problem(HttpStatus.BAD_REQUEST, e.getMessage(), List.of());
  }

  /** A problem response; also used by the security layer for 401, 403, 413 and 429. */
  public static ResponseEntity<ProblemDetail> problem(
      HttpStatusCode status, String detail, List<ApiDiagnostic> errors) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(body(status, detail, errors));
  }

  /** The problem document. */
  public static ProblemDetail body(
      HttpStatusCode status, String detail, List<ApiDiagnostic> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    HttpStatus known = HttpStatus.resolve(status.value());
    String slug = known == null ? "error" : known.name().toLowerCase().replace('_', '-');
    problem.setType(URI.create("https://baton.io/problems/" + slug));
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
      problem.setInstance(URI.create(request.getRequest().getRequestURI()));
    }
    return problem;
  }
}
