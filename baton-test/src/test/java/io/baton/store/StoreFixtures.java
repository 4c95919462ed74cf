package io.baton.store;

import io.baton.api.definition.Priority;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunStatus;
import io.baton.api.store.RunRecord;
import io.baton.engine.define.Steps;
import io.baton.engine.define.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records and events for the store contract, with timestamps that carry nanoseconds. */
final class StoreFixtures {
  /** A time with nanoseconds, so that a store that rounds timestamps shows it. */
  static final Instant T0 = Instant.parse("2031-04-05T06:07:08.123456789Z");

  private StoreFixtures() {}

  static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  /** {@code n} events of run {@code tag}: a start, then completed steps with varied outputs. */
  static List<RunEvent> events(String tag, int from, int n) {
    List<RunEvent> out = new ArrayList<>();
    for (int i = from; i < from + n; i++) {
      out.add(event(tag, i));
    }
    return out;
  }

  static RunEvent event(String tag, int i) {
    if (i == 0) {
      Map<String, Object> inputs = new LinkedHashMap<>();
      inputs.put("goal", "test " + tag);
      inputs.put("count", 3L);
      return new RunEvent.RunStarted(at(0), "wf", "1", inputs, Priority.MEDIUM, null, null, null);
    }
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("tag", tag);
    output.put("i", (long) i);
    output.put("list", List.of("a", 2L, true));
    return new RunEvent.StepCompleted(at(i), "s" + i, 1, output);
  }

  static RunRecord run(String id, String workflow, RunStatus status, long createdSecond) {
    Instant created = at(createdSecond);
    return new RunRecord(id, workflow, "1", status, Priority.HIGH, null, created, created, 1);
  }

  /**
   * A workflow with a tool step, a custom step type and a step depending on both. Durable stores
   * keep definitions in Baton's language, so values are those the language reads (a whole number in
   * a config is an Integer).
   */
  static WorkflowDefinition definition(String id, String version, String greeting) {
    return Workflow.define(id)
        .version(version)
        .name(id + " " + version)
        .step(Steps.tool("greet", "greet").input("name", "${inputs.name}"))
        .step(Steps.custom("loud", "shout", Map.of("level", 3)).input("text", greeting))
        .step(Steps.value("done", Map.of("ok", true)).dependsOn("greet", "loud"))
        .build();
  }
}
