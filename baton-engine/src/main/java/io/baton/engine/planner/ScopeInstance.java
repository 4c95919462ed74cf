package io.baton.engine.planner;

import io.baton.engine.graph.CompiledScope;
import java.util.Map;

/**
 * One run-time instance of a {@link CompiledScope}: the top level, a branch, an item of a map or an
 * iteration of a loop. Counts its steps' ends so that completion is checked in constant time.
 */
public final class ScopeInstance {
  private final String prefix;
  private final ScopeInstance parent;
  private final String ownerPath;
  private final String key;
  private final CompiledScope scope;
  private final Map<String, Object> variables;
  int ended;
  int unhandledFailures;

  ScopeInstance(
      String prefix,
      ScopeInstance parent,
      String ownerPath,
      String key,
      CompiledScope scope,
      Map<String, Object> variables) {
    this.prefix = prefix;
    this.parent = parent;
    this.ownerPath = ownerPath;
    this.key = key;
    this.scope = scope;
    this.variables = variables;
  }

  /** The prefix of its steps' paths: empty at the top level, {@code owner[key]/} inside. */
  public String prefix() {
    return prefix;
  }

  /** The enclosing scope, or null at the top level. */
  public ScopeInstance parent() {
    return parent;
  }

  /** The path of the composite step that opened it, or null at the top level. */
  public String ownerPath() {
    return ownerPath;
  }

  /** The branch id, item index or iteration number, or null at the top level. */
  public String key() {
    return key;
  }

  /** Its compiled steps. */
  public CompiledScope scope() {
    return scope;
  }

  /** The variables it binds ({@code item}, {@code index}, {@code iteration}, {@code previous}). */
  public Map<String, Object> variables() {
    return variables;
  }

  /** The path of step {@code stepId} in this scope. */
  public String pathOf(String stepId) {
    return prefix.isEmpty() ? stepId : prefix + stepId;
  }

  /** Whether a step failed here with nothing to handle it. */
  public boolean hasUnhandledFailure() {
    return unhandledFailures > 0;
  }

  /** Whether every step of the scope has ended. */
  public boolean allEnded() {
    return ended >= scope.steps().size();
  }
}
