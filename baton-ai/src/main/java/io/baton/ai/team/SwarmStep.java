package io.baton.ai.team;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentOutcome;
import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentRunner;
import io.baton.ai.agent.AgentTask;
import io.baton.ai.step.ConfigSchemas;
import io.baton.ai.step.StepConfig;
import io.baton.api.definition.CustomStep;
import io.baton.api.run.StepException;
import io.baton.api.spi.StepContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code swarm}: every agent works on the request at once (virtual threads; they can share findings
 * through the run's blackboard tools), then the {@code aggregator} agent (or a coordinator) merges
 * their answers. Results are in the order the step names the agents.
 */
final class SwarmStep extends TeamStep {

  SwarmStep(AgentRegistry registry, AgentRunner runner) {
    super("swarm", registry, runner);
  }

  @Override
  Object run(Team team, CustomStep step, StepContext context) throws Exception {
    String request = team.request(context);
    List<Map<String, Object>> turns = new ArrayList<>();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<AgentOutcome>> work = new ArrayList<>();
      for (AgentDefinition member : team.members()) {
        work.add(pool.submit(() -> runner.run(member, AgentTask.of(request), context)));
      }
      for (Future<AgentOutcome> f : work) {
        AgentOutcome o = unwrap(f);
        Map<String, Object> turn = new LinkedHashMap<>();
        turn.put("agent", o.agent());
        turn.put("text", o.text());
        turn.put("usage", o.usage().toMap());
        turns.add(turn);
        context.emit("team.turn", turn);
      }
    }
    String name = new StepConfig(step).text("aggregator", null);
    AgentDefinition aggregator =
        name != null
            ? registry.require(name)
            : team.coordinator("aggregator", "Merge the team's answers into one answer.", null);
    String merged =
        team.turn(
                aggregator,
                "Request: " + request + AgentTaskText.context(turns) + "\nMerge these answers.",
                new ArrayList<>(),
                context)
            .text();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("result", merged);
    out.put("answers", turns);
    return out;
  }

  private static AgentOutcome unwrap(Future<AgentOutcome> f) throws Exception {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StepException s) {
        throw s;
      }
      throw e.getCause() instanceof Exception ex ? ex : e;
    }
  }

  @Override
  public Map<String, Object> configSchema() {
    return ConfigSchemas.teamStep(Map.of("aggregator", ConfigSchemas.text()));
  }
}
