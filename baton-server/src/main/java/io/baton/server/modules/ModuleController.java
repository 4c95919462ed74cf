package io.baton.server.modules;

import io.baton.modules.HealthReport;
import io.baton.modules.ModuleHub;
import io.baton.modules.ModuleStatus;
import io.baton.server.api.ApiError;
import io.baton.server.audit.AuditLog;
import io.baton.server.security.Caller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The MPLP coordination modules (the seeds' module manager): list with status and health, one
 * module, call an operation, configure, and the lifecycle ({@code start}, {@code stop}, {@code
 * restart}). Modules are the server's, shared by every namespace; their entities belong to the runs
 * that made them. Failures of operations map to problems by {@code Problems}: an unknown module or
 * operation is 404, a stopped module 503, a bad parameter 422.
 */
@RestController
public class ModuleController {
  private static final List<String> ACTIONS = List.of("start", "stop", "restart");

  private final ModuleHub hub;
  private final AuditLog audit;

  ModuleController(ModuleHub hub, AuditLog audit) {
    this.hub = hub;
    this.audit = audit;
  }

  /**
   * A module with its health.
   *
   * @param status name, version, description, state, operations, dependencies, config, calls,
   *     failures, lastError
   * @param health {@code healthy}, {@code unhealthy} or {@code error}
   * @param problems what is wrong, empty when healthy
   */
  public record ModuleView(ModuleStatus status, String health, List<String> problems) {}

  /** Every module with its state and health, and the modules' overall level. */
  @GetMapping("/api/v1/modules")
  public Map<String, Object> list() {
    HealthReport report = hub.health();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", report.overall());
    out.put("items", hub.statuses().stream().map(s -> view(s, report)).toList());
    return out;
  }

  /** One module. */
  @GetMapping("/api/v1/modules/{module}")
  public ModuleView get(@PathVariable String module) {
    return view(hub.status(module), hub.health());
  }

  /** Calls an operation: the body is its input → {@code {module, operation, result}}. */
  @PostMapping("/api/v1/modules/{module}/{operation}")
  public Map<String, Object> invoke(
      Caller caller,
      @PathVariable String module,
      @PathVariable String operation,
      @RequestBody(required = false) Map<String, Object> input) {
    Object result = hub.invoke(module, operation, input == null ? Map.of() : input);
    audit.record(caller, "module.invoke", "module", module + "." + operation, null, null);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("module", hub.status(module).name());
    out.put("operation", operation);
    out.put("result", result);
    return out;
  }

  /** Starts, stops or restarts a module → its status. */
  @PostMapping("/api/v1/modules/{module}/lifecycle/{action}")
  public ModuleView lifecycle(
      Caller caller, @PathVariable String module, @PathVariable String action) {
    String verb = action.toLowerCase(Locale.ROOT);
    if (!ACTIONS.contains(verb)) {
      throw ApiError.badField(
          "/action", "invalid-action", "unknown action '" + action + "'; one of " + ACTIONS);
    }
    ModuleStatus before = hub.status(module);
    ModuleStatus after =
        switch (verb) {
          case "start" -> hub.start(module);
          case "stop" -> hub.stop(module);
          default -> hub.restart(module);
        };
    audit.record(
        caller,
        "module." + verb,
        "module",
        after.name(),
        Map.of("state", before.state().name()),
        Map.of("state", after.state().name()));
    return view(after, hub.health());
  }

  /** Replaces a module's configuration; a configuration the module refuses leaves it FAILED. */
  @PutMapping("/api/v1/modules/{module}/config")
  public ModuleView configure(
      Caller caller, @PathVariable String module, @RequestBody Map<String, Object> config) {
    ModuleStatus before = hub.status(module);
    try {
      hub.configure(module, config);
    } catch (IllegalArgumentException e) {
      throw ApiError.badField("", "config-refused", e.getMessage());
    } finally {
      audit.record(caller, "module.configure", "module", before.name(), before.config(), config);
    }
    return view(hub.status(module), hub.health());
  }

  private static ModuleView view(ModuleStatus status, HealthReport report) {
    return report.modules().stream()
        .filter(h -> h.name().equals(status.name()))
        .findFirst()
        .map(
            h ->
                new ModuleView(
                    status,
                    h.failed() ? "error" : h.healthy() ? "healthy" : "unhealthy",
                    h.problems()))
        .orElse(new ModuleView(status, "unknown", List.of()));
  }
}
