package io.baton.engine.language.internal;

import io.baton.api.definition.StepCommon;
import io.baton.api.definition.StepDef;
import java.util.List;
import java.util.Map;

/**
 * Binds the type-specific fields of a few related step types (one family per file, not one giant
 * switch).
 */
public interface StepFamily {

  /** The family's step types, each with the wire names of its own fields. */
  Map<String, List<String>> fields();

  /** Binds one step of one of the family's types. */
  StepDef bind(StepSource source, StepBinder steps);

  /**
   * One step being bound.
   *
   * @param type the step's type, one of {@link #fields()}
   * @param common the common fields, already bound
   * @param fields the step's object
   * @param canonical the step's pointer in the canonical layout
   */
  record StepSource(String type, StepCommon common, FieldReader fields, String canonical) {

    /** The step's id. */
    public String id() {
      return common.id();
    }
  }
}
