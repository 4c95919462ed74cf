package io.baton.engine.language.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One list of sibling steps: the workflow's top-level steps, a parallel branch, or a map or loop
 * body. Dependencies and branch targets name siblings; templates and expressions may also read the
 * steps of enclosing scopes.
 */
public final class StepScope {
  private final String pointer;
  private final StepEntry owner;
  private final StepScope parent;
  private final List<StepEntry> entries = new ArrayList<>();
  private final Map<String, StepEntry> byId = new LinkedHashMap<>();

  /**
   * @param pointer the canonical pointer of the step list
   * @param owner the step that holds the list, or null for the top level
   * @param parent the enclosing scope, or null for the top level
   */
  StepScope(String pointer, StepEntry owner, StepScope parent) {
    this.pointer = pointer;
    this.owner = owner;
    this.parent = parent;
  }

  void add(StepEntry entry) {
    entries.add(entry);
    byId.putIfAbsent(entry.id(), entry);
  }

  /** The canonical pointer of the step list. */
  public String pointer() {
    return pointer;
  }

  /** The step that holds this list, or null for the top level. */
  public StepEntry owner() {
    return owner;
  }

  /** The enclosing scope, or null for the top level. */
  public StepScope parent() {
    return parent;
  }

  /** The steps, in definition order. */
  public List<StepEntry> entries() {
    return entries;
  }

  /** The sibling with id {@code id} (the first, when duplicated), or null. */
  public StepEntry get(String id) {
    return byId.get(id);
  }

  /** The ids of the steps. */
  public Set<String> ids() {
    return byId.keySet();
  }

  /** The step {@code id} of this scope or an enclosing one (the nearest), or null. */
  public StepEntry visible(String id) {
    for (StepScope s = this; s != null; s = s.parent) {
      StepEntry entry = s.get(id);
      if (entry != null) {
        return entry;
      }
    }
    return null;
  }

  /** The ids of every step visible from here: this scope's, then the enclosing ones'. */
  public List<String> visibleIds() {
    List<String> out = new ArrayList<>();
    for (StepScope s = this; s != null; s = s.parent) {
      out.addAll(s.ids());
    }
    return out;
  }

  @Override
  public String toString() {
    return "StepScope[" + pointer + "]";
  }
}
