package io.baton.engine.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A list of sibling steps: the workflow's top level, a parallel branch, or the body of a map or
 * loop. Each instance of it at run time (one per branch, item or iteration) is a scope of the run.
 */
public final class CompiledScope {
  private final CompiledStep owner;
  private final String branchId;
  private final List<CompiledStep> steps = new ArrayList<>();
  private final List<CompiledStep> stepsView = Collections.unmodifiableList(steps);
  // Computed on first use, once compilation has added every step; an immutable list, so a race
  // between two runs computing it at once is harmless.
  private List<CompiledStep> roots;

  CompiledScope(CompiledStep owner, String branchId) {
    this.owner = owner;
    this.branchId = branchId;
  }

  /** The composite step that owns this scope, or null for the workflow's top level. */
  public CompiledStep owner() {
    return owner;
  }

  /** The branch id for a parallel branch, otherwise null. */
  public String branchId() {
    return branchId;
  }

  /** The steps, in definition order. */
  public List<CompiledStep> steps() {
    return stepsView;
  }

  /** The step whose output is the scope's result by default: the last one. */
  public CompiledStep lastStep() {
    return steps.getLast();
  }

  /** The steps without dependencies or guards: those examined first when the scope opens. */
  public List<CompiledStep> roots() {
    List<CompiledStep> r = roots;
    if (r == null) {
      r = steps.stream().filter(s -> s.dependencies().isEmpty()).toList();
      roots = r;
    }
    return r;
  }

  void add(CompiledStep step) {
    steps.add(step);
  }
}
