package io.baton.engine.runtime;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.JournalEntry;
import io.baton.api.store.DefinitionStore;
import io.baton.api.store.RunRecord;
import io.baton.api.store.StoredRun;
import io.baton.engine.graph.CompiledWorkflow;
import io.baton.engine.graph.WorkflowCompiler;
import io.baton.engine.planner.RunState;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles definitions once per id and version, and rebuilds runs' states from their journals with
 * the compiled form of the definition they were started with.
 */
final class RunLoader {
  private final RuntimeServices rt;
  private final DefinitionStore definitions;
  private final WorkflowCompiler compiler;
  private final Map<String, CompiledWorkflow> compiled = new ConcurrentHashMap<>();

  /** The last definition compiled: runs started one after another mostly share it. */
  private volatile CompiledWorkflow last;

  RunLoader(RuntimeServices rt, DefinitionStore definitions, WorkflowCompiler compiler) {
    this.rt = rt;
    this.definitions = definitions;
    this.compiler = compiler;
  }

  /** The compiled form of a definition, compiled once per id and version. */
  CompiledWorkflow compile(WorkflowDefinition definition) {
    CompiledWorkflow recent = last;
    if (recent != null && recent.definition() == definition) {
      return recent;
    }
    String key = key(definition.id(), definition.version());
    CompiledWorkflow known = compiled.get(key);
    if (known != null
        && (known.definition() == definition || known.definition().equals(definition))) {
      last = known;
      return known;
    }
    CompiledWorkflow fresh = compiler.compile(definition);
    compiled.put(key, fresh);
    last = fresh;
    return fresh;
  }

  /**
   * The definition a run was started with: compiled already, or read from the definition store.
   *
   * @throws IllegalStateException when the store does not have it
   */
  WorkflowDefinition definitionOf(RunRecord run) {
    CompiledWorkflow known = compiled.get(key(run.workflowId(), run.workflowVersion()));
    if (known != null) {
      return known.definition();
    }
    return definitions
        .find(run.workflowId(), run.workflowVersion())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "run "
                        + run.runId()
                        + " needs workflow "
                        + run.workflowId()
                        + " version "
                        + run.workflowVersion()
                        + ", which is not in the definition store"));
  }

  /** A run's state, folded from its journal. */
  RunState rebuild(RunRecord run) {
    return rebuild(new StoredRun(run, rt.journal().read(run.runId(), 0)));
  }

  /** A run's state, folded from the journal it was loaded with. */
  RunState rebuild(StoredRun run) {
    RunState state = new RunState(run.record().runId(), compile(definitionOf(run.record())));
    for (JournalEntry entry : run.journal()) {
      state.apply(entry.event());
    }
    return state;
  }

  private static String key(String workflowId, String version) {
    return workflowId + "@" + version;
  }
}
