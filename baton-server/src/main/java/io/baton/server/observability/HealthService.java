package io.baton.server.observability;

import io.baton.api.store.RunQuery;
import io.baton.api.store.StoreBackend;
import io.baton.modules.HealthReport.ModuleHealth;
import io.baton.modules.ModuleHub;
import io.baton.server.degradation.Degradation;
import io.baton.server.degradation.DegradationLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The health of each component — the run store, the server's database, the executors, the alerts,
 * the degradation level ({@code unhealthy} from level 2), each coordination module ({@code
 * module:<name>}: {@code error} when it failed or its store is unreachable, {@code unhealthy} when
 * stopped) — and the overall status by seed 001's rule: {@code critical} if any component is in
 * error, {@code degraded} if more than 30 % are unhealthy, {@code warning} if any is, else {@code
 * healthy}.
 */
@Component
public class HealthService {
  private final Map<String, Supplier<Component>> checks = new LinkedHashMap<>();
  private final ModuleHub hub;

  /**
   * One component's state.
   *
   * @param status {@code healthy}, {@code unhealthy} or {@code error}
   * @param detail why, in a sentence
   */
  public record Component(String status, String detail) {}

  HealthService(
      StoreBackend store,
      JdbcClient jdbc,
      RunMetrics metrics,
      AlertEngine alerts,
      ModuleHub hub,
      Degradation degradation) {
    this.hub = hub;
    checks.put("store", () -> probe(() -> store.runs().list(RunQuery.all(1)), store.describe()));
    checks.put(
        "serverDatabase",
        () ->
            probe(
                () -> jdbc.sql("select count(*) from srv_workflow").query(Long.class).single(),
                "server tables"));
    checks.put(
        "executors",
        () ->
            metrics.queued() > 1000
                ? new Component("unhealthy", metrics.queued() + " ready steps wait for an executor")
                : new Component("healthy", metrics.queued() + " ready steps waiting"));
    checks.put(
        "alerts",
        () -> {
          long p1 = alerts.list(true).stream().filter(a -> a.severity().equals("P1")).count();
          return p1 > 0
              ? new Component("unhealthy", p1 + " P1 alert(s) active")
              : new Component("healthy", "no P1 alert active");
        });
    checks.put(
        "degradation",
        () -> {
          DegradationLevel level = degradation.level();
          String detail = "level " + level.number() + " (" + level.title() + ")";
          return level.compareTo(DegradationLevel.READ_ONLY) >= 0
              ? new Component("unhealthy", detail)
              : new Component("healthy", detail);
        });
  }

  private static Component probe(Runnable check, String what) {
    try {
      check.run();
      return new Component("healthy", what + " answers");
    } catch (RuntimeException e) {
      return new Component("error", what + " does not answer: " + e.getMessage());
    }
  }

  /** Every component's state and the overall status. */
  public Map<String, Object> report() {
    Map<String, Component> components = new LinkedHashMap<>();
    checks.forEach((name, check) -> components.put(name, check.get()));
    for (ModuleHealth module : hub.health().modules()) {
      String status = module.failed() ? "error" : module.healthy() ? "healthy" : "unhealthy";
      String detail =
          module.problems().isEmpty() ? "running" : String.join("; ", module.problems());
      components.put("module:" + module.name(), new Component(status, detail));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", overall(new ArrayList<>(components.values())));
    out.put("components", components);
    return out;
  }

  /** Seed 001's rule over the components' states. */
  static String overall(List<Component> components) {
    long errors = components.stream().filter(c -> c.status().equals("error")).count();
    long unhealthy = components.stream().filter(c -> !c.status().equals("healthy")).count();
    if (errors > 0) {
      return "critical";
    }
    if (unhealthy > 0.3 * components.size()) {
      return "degraded";
    }
    return unhealthy > 0 ? "warning" : "healthy";
  }
}
