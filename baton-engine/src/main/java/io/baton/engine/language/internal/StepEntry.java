package io.baton.engine.language.internal;

import io.baton.api.definition.StepDef;

/**
 * A step of a definition with its place: its canonical pointer and the scope (step list) it belongs
 * to.
 *
 * @param step the step
 * @param pointer its pointer in the canonical layout, e.g. {@code /steps/2/branches/0/steps/1}
 * @param scope the list it is in
 */
public record StepEntry(StepDef step, String pointer, StepScope scope) {

  /** The step's id. */
  public String id() {
    return step.id();
  }

  /** The pointer of the step's field {@code path} ({@code "dependsOn/0"}). */
  public String at(String path) {
    return pointer + "/" + path;
  }

  @Override
  public String toString() {
    return "StepEntry[" + id() + " at " + pointer + "]";
  }
}
