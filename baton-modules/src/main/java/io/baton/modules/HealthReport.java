package io.baton.modules;

import java.util.List;

/**
 * The health of the hub's modules, with the overall level of DESIGN §7 (seed 001): {@code critical}
 * if any module has failed, {@code degraded} if more than 30 % are unhealthy, {@code warning} if
 * any is, else {@code healthy}.
 *
 * @param overall {@code healthy}, {@code warning}, {@code degraded} or {@code critical}
 * @param modules each module's health
 */
public record HealthReport(String overall, List<ModuleHealth> modules) {

  /**
   * One module's health.
   *
   * @param healthy whether it serves calls without problems
   * @param failed whether it is in error (failed to configure or start)
   * @param problems what is wrong, empty when healthy
   */
  public record ModuleHealth(String name, boolean healthy, boolean failed, List<String> problems) {}

  /** The report of {@code modules}, with its overall level. */
  static HealthReport of(List<ModuleHealth> modules) {
    long unhealthy = modules.stream().filter(m -> !m.healthy()).count();
    String overall;
    if (modules.stream().anyMatch(ModuleHealth::failed)) {
      overall = "critical";
    } else if (!modules.isEmpty() && unhealthy * 10 > modules.size() * 3L) {
      overall = "degraded";
    } else if (unhealthy > 0) {
      overall = "warning";
    } else {
      overall = "healthy";
    }
    return new HealthReport(overall, List.copyOf(modules));
  }
}
