package io.baton.server.security;

import io.baton.server.api.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes problem details from filters, which run before Spring MVC's message converters: the same
 * document as {@link Problems} produces.
 */
public final class ProblemWriter {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemWriter() {}

  /** Writes a problem with {@code status} and {@code detail} as the response. */
  public static void write(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    write(request, response, new Refusal(status, detail, Map.of()));
  }

  /**
   * A refusal: its status, its detail and the problem's extension members.
   *
   * @param status the HTTP status
   * @param detail what went wrong, in a sentence
   * @param properties extension members of the problem ({@code level}, …)
   */
  public record Refusal(HttpStatus status, String detail, Map<String, Object> properties) {}

  /** Writes {@code refusal} as the response's problem. */
  public static void write(
      HttpServletRequest request, HttpServletResponse response, Refusal refusal)
      throws IOException {
    HttpStatus status = refusal.status();
    String detail = refusal.detail();
    ProblemDetail problem = Problems.body(status, detail, List.of());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", String.valueOf(problem.getType()));
    body.put("title", problem.getTitle());
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("instance", request.getRequestURI());
    body.putAll(refusal.properties());
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.writeValueAsString(body));
  }
}
