package io.baton.cli.offline;

import io.baton.api.definition.CustomStep;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.ToolStep;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.spi.Tool;
import io.baton.engine.BatonBuilder;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Registers the CLI's offline stand-ins on an engine, and says which of them a workflow uses. See
 * the package documentation for what they are and why they exist.
 *
 * <pre>{@code
 * Baton baton = OfflineStandIns.register(Baton.builder()).build();
 * OfflineStandIns.notice(List.of(flow)).ifPresent(System.err::println);
 * }</pre>
 */
public final class OfflineStandIns {

  private OfflineStandIns() {}

  /**
   * Adds every offline task handler and tool to {@code builder}. (The coordination modules are the
   * real ones of {@code baton-modules}, registered by the CLI's engine.)
   */
  public static BatonBuilder register(BatonBuilder builder) {
    OfflineTasks tasks = new OfflineTasks();
    OfflineTasks.CAPABILITIES.forEach(capability -> builder.task(capability, tasks));
    OfflineTools.all().forEach(builder::tool);
    return builder;
  }

  /**
   * The one-line notice to print when {@code workflows} use any stand-in, naming them, or null when
   * they use none.
   */
  public static String notice(Collection<WorkflowDefinition> workflows) {
    Set<String> used = new TreeSet<>();
    Set<String> tools =
        OfflineTools.all().stream().map(Tool::name).collect(java.util.stream.Collectors.toSet());
    for (WorkflowDefinition workflow : workflows) {
      for (StepDef step : workflow.allSteps()) {
        switch (step) {
          case ToolStep t when tools.contains(t.tool()) -> used.add("tool " + t.tool());
          case CustomStep c when "task".equals(c.type()) ->
              used.add("task " + c.config().get("capability"));
          default -> {}
        }
      }
    }
    if (used.isEmpty()) {
      return null;
    }
    return "note: using the CLI's built-in offline stand-ins (deterministic, no agents or models) for "
        + String.join(", ", used)
        + " — see docs/cli.md#offline-stand-ins";
  }
}
