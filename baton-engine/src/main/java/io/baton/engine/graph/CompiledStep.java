package io.baton.engine.graph;

import io.baton.api.definition.ErrorPolicy;
import io.baton.api.definition.JoinMode;
import io.baton.api.definition.Priority;
import io.baton.api.definition.RetryPolicy;
import io.baton.api.definition.StepDef;
import io.baton.api.spi.ExpressionDialect;
import io.baton.api.spi.StepExecutor;
import io.baton.engine.expression.Template;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A step ready to run: its definition with the graph edges resolved, the effective policies, and
 * every template and expression compiled once.
 */
public final class CompiledStep {
  private final StepDef definition;
  private final CompiledScope scope;
  private final StepKind kind;
  private final StepExecutor<?> executor;
  private final List<CompiledStep> dependencies = new ArrayList<>();
  private final List<CompiledStep> dependenciesView = Collections.unmodifiableList(dependencies);
  private final List<CompiledStep> successors = new ArrayList<>();
  private final List<CompiledStep> successorsView = Collections.unmodifiableList(successors);
  private final List<Guard> guards = new ArrayList<>();
  private final List<Guard> guardsView = Collections.unmodifiableList(guards);
  private final List<CompiledScope> children = new ArrayList<>();
  private final List<CompiledScope> childrenView = Collections.unmodifiableList(children);
  private final Map<String, CompiledScope> branches = new HashMap<>();
  private final Set<String> explicitDependencies;
  private final Map<String, Template> templates = new HashMap<>();
  private final Map<String, ExpressionDialect.Compiled> expressions = new HashMap<>();
  private RetryPolicy retry;
  private Duration timeout;
  private Priority priority;

  CompiledStep(StepDef definition, CompiledScope scope, StepKind kind, StepExecutor<?> executor) {
    this.definition = definition;
    this.scope = scope;
    this.kind = kind;
    this.executor = executor;
    this.explicitDependencies = Set.copyOf(definition.common().dependsOn());
  }

  /** The step's definition. */
  public StepDef definition() {
    return definition;
  }

  /** The step's id. */
  public String id() {
    return definition.id();
  }

  /** The scope it belongs to. */
  public CompiledScope scope() {
    return scope;
  }

  /** How it runs. */
  public StepKind kind() {
    return kind;
  }

  /** The executor of an {@link StepKind#INLINE} or {@link StepKind#TASK} step, otherwise null. */
  public StepExecutor<?> executor() {
    return executor;
  }

  /** The sibling steps that must end first: {@code dependsOn} plus the sources of its guards. */
  public List<CompiledStep> dependencies() {
    return dependenciesView;
  }

  /** The ids in its {@code dependsOn} (without the sources of its guards). */
  public Set<String> explicitDependencies() {
    return explicitDependencies;
  }

  /** The sibling steps that depend on this one. */
  public List<CompiledStep> successors() {
    return successorsView;
  }

  /** The branch and fallback conditions it needs. */
  public List<Guard> guards() {
    return guardsView;
  }

  /** Its nested scopes: one per parallel branch, or the body of a map or loop. */
  public List<CompiledScope> children() {
    return childrenView;
  }

  /** The branch {@code id} of a parallel step, or null. */
  public CompiledScope branch(String id) {
    return branches.get(id);
  }

  /** How its dependencies are joined. */
  public JoinMode join() {
    return definition.common().join();
  }

  /** What its final failure does. */
  public ErrorPolicy onError() {
    return definition.common().onError();
  }

  /** The effective retry policy. */
  public RetryPolicy retry() {
    return retry;
  }

  /** The effective timeout of one attempt, or null. */
  public Duration timeout() {
    return timeout;
  }

  /** The step's own priority, or null to use the run's. */
  public Priority priority() {
    return priority;
  }

  /** The compiled template of field {@code name} ({@code input}, {@code output}, …), or null. */
  public Template template(String name) {
    return templates.get(name);
  }

  /**
   * The compiled expression of field {@code name} ({@code when}, {@code condition}, …), or null.
   */
  public ExpressionDialect.Compiled expression(String name) {
    return expressions.get(name);
  }

  void dependOn(CompiledStep other) {
    if (!dependencies.contains(other)) {
      dependencies.add(other);
      other.successors.add(this);
    }
  }

  void guard(Guard guard) {
    guards.add(guard);
    dependOn(guard.source());
  }

  void addChild(CompiledScope child) {
    children.add(child);
    if (child.branchId() != null) {
      branches.put(child.branchId(), child);
    }
  }

  void template(String name, Template template) {
    templates.put(name, template);
  }

  void expression(String name, ExpressionDialect.Compiled expression) {
    expressions.put(name, expression);
  }

  void policies(RetryPolicy retry, Duration timeout, Priority priority) {
    this.retry = retry;
    this.timeout = timeout;
    this.priority = priority;
  }
}
