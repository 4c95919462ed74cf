package io.baton.server.execution;

import io.baton.api.run.RunStatus;
import io.baton.server.api.ApiError;
import io.baton.server.api.Page;
import io.baton.server.security.Caller;
import java.net.URI;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Executions: the seed 002 table ({@code execute}, get, {@code stop}, {@code pause}, {@code
 * resume}) plus listing, {@code retry} and {@code rerun}.
 */
@RestController
public class ExecutionController {
  private final ExecutionService executions;

  ExecutionController(ExecutionService executions) {
    this.executions = executions;
  }

  /** Starts a run: {@code {inputs, version?, priority?}} → 201 {@code Execution}. */
  @PostMapping("/api/v1/workflows/{id}/execute")
  public ResponseEntity<ExecutionViews.Execution> execute(
      Caller caller,
      @PathVariable String id,
      @RequestBody(required = false) ExecutionService.ExecuteRequest request) {
    var execution = executions.execute(caller, id, request);
    return ResponseEntity.created(URI.create("/api/v1/executions/" + execution.id()))
        .body(execution);
  }

  /** The namespace's runs, newest first. */
  @GetMapping("/api/v1/executions")
  public Page<ExecutionViews.Execution> list(
      Caller caller,
      @RequestParam(required = false) String workflowId,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(name = "page_size", defaultValue = "20") int pageSize) {
    return executions.list(caller, workflowId, statuses(status), Page.Request.of(page, pageSize));
  }

  /** A run in full. */
  @GetMapping("/api/v1/executions/{id}")
  public ExecutionViews.ExecutionDetail get(Caller caller, @PathVariable String id) {
    return ExecutionViews.detail(executions.view(caller, id));
  }

  /** Cancels a run. */
  @PostMapping("/api/v1/executions/{id}/stop")
  public ExecutionViews.ExecutionDetail stop(Caller caller, @PathVariable String id) {
    return executions.control(caller, id, ExecutionService.Action.STOP);
  }

  /** Pauses a run: nothing new starts. */
  @PostMapping("/api/v1/executions/{id}/pause")
  public ExecutionViews.ExecutionDetail pause(Caller caller, @PathVariable String id) {
    return executions.control(caller, id, ExecutionService.Action.PAUSE);
  }

  /** Resumes a paused run. */
  @PostMapping("/api/v1/executions/{id}/resume")
  public ExecutionViews.ExecutionDetail resume(Caller caller, @PathVariable String id) {
    return executions.control(caller, id, ExecutionService.Action.RESUME);
  }

  /** Retries a failed, cancelled or timed-out run from the steps that did not complete. */
  @PostMapping("/api/v1/executions/{id}/retry")
  public ExecutionViews.ExecutionDetail retry(Caller caller, @PathVariable String id) {
    return executions.control(caller, id, ExecutionService.Action.RETRY);
  }

  /** Starts a fork from a step: {@code {fromStep, input?}} → 201 {@code Execution}. */
  @PostMapping("/api/v1/executions/{id}/rerun")
  public ResponseEntity<ExecutionViews.Execution> rerun(
      Caller caller, @PathVariable String id, @RequestBody Map<String, Object> body) {
    Object from = body.get("fromStep");
    var fork =
        executions.rerun(caller, id, from == null ? null : from.toString(), body.get("input"));
    return ResponseEntity.created(URI.create("/api/v1/executions/" + fork.id())).body(fork);
  }

  private static Set<RunStatus> statuses(String text) {
    Set<RunStatus> out = EnumSet.noneOf(RunStatus.class);
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String s : text.split(",")) {
      try {
        out.add(RunStatus.valueOf(s.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw ApiError.badField("/status", "invalid-status", "unknown run status '" + s + "'");
      }
    }
    return out;
  }
}
