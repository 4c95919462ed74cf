package io.baton.engine.graph;

import io.baton.api.definition.Branch;
import io.baton.api.definition.ConditionStep;
import io.baton.api.definition.CustomStep;
import io.baton.api.definition.EndStep;
import io.baton.api.definition.ErrorAction;
import io.baton.api.definition.EventStep;
import io.baton.api.definition.HumanStep;
import io.baton.api.definition.LoopStep;
import io.baton.api.definition.MapStep;
import io.baton.api.definition.ModuleStep;
import io.baton.api.definition.ParallelStep;
import io.baton.api.definition.RetryPolicy;
import io.baton.api.definition.StartStep;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.SubworkflowStep;
import io.baton.api.definition.SwitchStep;
import io.baton.api.definition.ToolStep;
import io.baton.api.definition.TransformStep;
import io.baton.api.definition.WaitStep;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.spi.ExecutionMode;
import io.baton.api.spi.StepExecutor;
import io.baton.engine.config.EngineConfig;
import io.baton.engine.expression.Expressions;
import io.baton.engine.language.EngineExpressionSupport;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a validated {@link WorkflowDefinition} into a {@link CompiledWorkflow}: resolves the
 * graph's edges and compiles every template and expression once. Structural errors are the
 * validator's job; the compiler assumes a valid definition and reports anything else as an {@link
 * IllegalArgumentException} naming the step.
 */
public final class WorkflowCompiler {
  private final Expressions expressions;
  private final Function<String, StepExecutor<?>> executors;
  private final EngineConfig config;

  /**
   * @param expressions compiles templates and expressions
   * @param executors the executor of each step type that runs a handler (module, tool, task, custom
   *     types)
   * @param config the engine's defaults for timeouts and retries
   */
  public WorkflowCompiler(
      Expressions expressions, Function<String, StepExecutor<?>> executors, EngineConfig config) {
    this.expressions = expressions;
    this.executors = executors;
    this.config = config;
  }

  /** Compiles {@code definition}. */
  public CompiledWorkflow compile(WorkflowDefinition definition) {
    return new WorkflowCompiler(
            EngineExpressionSupport.declaring(expressions, definition), executors, config)
        .compileGraph(definition);
  }

  private CompiledWorkflow compileGraph(WorkflowDefinition definition) {
    Map<String, CompiledStep> byId = new HashMap<>();
    CompiledScope root = new CompiledScope(null, null);
    String dialect = definition.expressionLanguage();
    addSteps(definition, root, definition.steps(), byId, dialect);
    for (CompiledStep step : byId.values()) {
      link(step, byId);
    }
    Object outputs = definition.outputs();
    return new CompiledWorkflow(
        definition, root, byId, outputs == null ? null : expressions.template(outputs));
  }

  private void addSteps(
      WorkflowDefinition wf,
      CompiledScope scope,
      List<StepDef> steps,
      Map<String, CompiledStep> byId,
      String dialect) {
    for (StepDef def : steps) {
      StepExecutor<?> executor = executorFor(def);
      StepKind kind = kindOf(def, executor);
      CompiledStep step = new CompiledStep(def, scope, kind, executor);
      if (byId.put(def.id(), step) != null) {
        throw new IllegalArgumentException("duplicate step id '" + def.id() + "'");
      }
      scope.add(step);
      checkResources(def, kind);
      step.policies(retryOf(wf, def), timeoutOf(def, kind), def.common().priority());
      compileFields(step, def, dialect);
      switch (def) {
        case ParallelStep p -> {
          for (Branch b : p.branches()) {
            CompiledScope child = new CompiledScope(step, b.id());
            step.addChild(child);
            addSteps(wf, child, b.steps(), byId, dialect);
          }
        }
        case MapStep m -> addBody(wf, step, m.steps(), byId, dialect);
        case LoopStep l -> addBody(wf, step, l.steps(), byId, dialect);
        default -> {}
      }
    }
  }

  private void addBody(
      WorkflowDefinition wf,
      CompiledStep owner,
      List<StepDef> body,
      Map<String, CompiledStep> byId,
      String dialect) {
    CompiledScope child = new CompiledScope(owner, null);
    owner.addChild(child);
    addSteps(wf, child, body, byId, dialect);
  }

  private StepExecutor<?> executorFor(StepDef def) {
    return switch (def) {
      case ModuleStep m -> required("module");
      case ToolStep t -> required("tool");
      case CustomStep c -> required(c.type());
      default -> null;
    };
  }

  private StepExecutor<?> required(String type) {
    StepExecutor<?> executor = executors.apply(type);
    if (executor == null) {
      throw new IllegalArgumentException("no executor is registered for step type '" + type + "'");
    }
    return executor;
  }

  private static StepKind kindOf(StepDef def, StepExecutor<?> executor) {
    return switch (def) {
      case StartStep s -> StepKind.INLINE;
      case EndStep s -> StepKind.INLINE;
      case ConditionStep s -> StepKind.INLINE;
      case SwitchStep s -> StepKind.INLINE;
      case TransformStep s -> StepKind.INLINE;
      case EventStep s -> StepKind.INLINE;
      case WaitStep s -> StepKind.WAIT;
      case HumanStep s -> StepKind.HUMAN;
      case SubworkflowStep s -> StepKind.SUBWORKFLOW;
      case ParallelStep s -> StepKind.PARALLEL;
      case MapStep s -> StepKind.MAP;
      case LoopStep s -> StepKind.LOOP;
      case ModuleStep s -> StepKind.TASK;
      case ToolStep s -> StepKind.TASK;
      case CustomStep s ->
          executor.mode() == ExecutionMode.INLINE ? StepKind.INLINE : StepKind.TASK;
    };
  }

  /**
   * A step's pools must exist on this engine and be large enough, or the step would wait forever;
   * only steps run by handlers hold resources (the others take no time of their own).
   */
  private void checkResources(StepDef def, StepKind kind) {
    for (var request : def.common().resources()) {
      if (kind != StepKind.TASK) {
        throw new IllegalArgumentException(
            "step '"
                + def.id()
                + "' of type '"
                + def.type()
                + "' asks for resources, but only steps run by a handler (tool, module, agent, …)"
                + " hold resources; remove 'resources' from it");
      }
      if (request.pool() == null) {
        continue;
      }
      Integer capacity = config.resourcePools().get(request.pool());
      if (capacity == null) {
        throw new IllegalArgumentException(
            "step '"
                + def.id()
                + "' asks for resource pool '"
                + request.pool()
                + "', which this engine does not have; pools: "
                + new java.util.TreeSet<>(config.resourcePools().keySet())
                + " (declare it under resources.pools in the engine configuration)");
      }
      if (request.amount() > capacity) {
        throw new IllegalArgumentException(
            "step '"
                + def.id()
                + "' asks for "
                + request.amount()
                + " of resource pool '"
                + request.pool()
                + "', which holds only "
                + capacity);
      }
    }
  }

  private RetryPolicy retryOf(WorkflowDefinition wf, StepDef def) {
    if (def.common().retry() != null) {
      return def.common().retry();
    }
    if (wf.policies().retry().maxRetries() > 0) {
      return wf.policies().retry();
    }
    return config.retryAttempts() > 0
        ? RetryPolicy.exponential(config.retryAttempts())
        : RetryPolicy.NONE;
  }

  private Duration timeoutOf(StepDef def, StepKind kind) {
    if (def.common().timeout() != null) {
      return def.common().timeout();
    }
    return kind == StepKind.TASK ? config.taskTimeout() : null;
  }

  private void compileFields(CompiledStep step, StepDef def, String dialect) {
    step.template("input", expressions.template(def.common().input()));
    expression(step, "when", def.common().when(), dialect);
    switch (def) {
      case ConditionStep c -> expression(step, "condition", c.condition(), dialect);
      case SwitchStep s -> {
        expression(step, "value", s.value(), dialect);
        for (int i = 0; i < s.cases().size(); i++) {
          expression(step, "case:" + i, s.cases().get(i).when(), dialect);
        }
      }
      case MapStep m -> {
        if (m.items() instanceof String source && !source.contains("${")) {
          expression(step, "items", source, dialect);
        } else {
          template(step, "items", m.items());
        }
        template(step, "result", m.result());
      }
      case LoopStep l -> {
        expression(step, "while", l.whileCondition(), dialect);
        expression(step, "until", l.untilCondition(), dialect);
        template(step, "result", l.result());
      }
      case TransformStep t -> {
        expression(step, "expression", t.expression(), dialect);
        template(step, "value", t.value());
      }
      case EndStep e -> template(step, "output", e.output());
      case EventStep e -> {
        template(step, "data", e.data());
        template(step, "correlationKey", e.correlationKey());
      }
      case HumanStep h -> template(step, "prompt", h.prompt());
      case WaitStep w -> {
        template(step, "until", w.until());
        template(step, "correlationKey", w.event() == null ? null : w.event().correlationKey());
      }
      default -> {}
    }
  }

  private void expression(CompiledStep step, String field, String source, String dialect) {
    if (source != null && !source.isBlank()) {
      step.expression(field, expressions.compile(dialect, source));
    }
  }

  private void template(CompiledStep step, String field, Object value) {
    if (value != null) {
      step.template(field, expressions.template(value));
    }
  }

  private static void link(CompiledStep step, Map<String, CompiledStep> byId) {
    StepDef def = step.definition();
    for (String dep : def.common().dependsOn()) {
      step.dependOn(sibling(step, dep, byId));
    }
    switch (def) {
      case ConditionStep c -> {
        c.whenTrue().forEach(id -> sibling(step, id, byId).guard(new Guard(step, "then")));
        c.whenFalse().forEach(id -> sibling(step, id, byId).guard(new Guard(step, "else")));
      }
      case SwitchStep s -> {
        for (int i = 0; i < s.cases().size(); i++) {
          String branch = "case:" + i;
          s.cases()
              .get(i)
              .next()
              .forEach(id -> sibling(step, id, byId).guard(new Guard(step, branch)));
        }
        s.defaultNext().forEach(id -> sibling(step, id, byId).guard(new Guard(step, "default")));
      }
      default -> {}
    }
    if (step.onError().action() == ErrorAction.GOTO) {
      sibling(step, step.onError().target(), byId).guard(new Guard(step, Guard.ON_FAILURE));
    }
  }

  private static CompiledStep sibling(
      CompiledStep from, String id, Map<String, CompiledStep> byId) {
    CompiledStep target = byId.get(id);
    if (target == null || target.scope() != from.scope()) {
      throw new IllegalArgumentException(
          "step '" + from.id() + "' refers to '" + id + "', which is not a step of the same scope");
    }
    return target;
  }
}
