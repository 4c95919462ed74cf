package io.baton.api.definition;

import java.util.List;

/**
 * The definition of one step of a workflow: a node of its graph. One record per step type, each
 * with only its own fields; the fields all steps share are in {@link #common()}.
 *
 * <p>Step types that need an external system ({@code agent}, {@code llm}, {@code http}, {@code
 * code}, …) are {@link CustomStep}s, interpreted by the executor registered for their type.
 */
public sealed interface StepDef
    permits StartStep,
        EndStep,
        ConditionStep,
        SwitchStep,
        ParallelStep,
        MapStep,
        LoopStep,
        SubworkflowStep,
        WaitStep,
        HumanStep,
        TransformStep,
        EventStep,
        ModuleStep,
        ToolStep,
        CustomStep {

  /** The fields every step has. */
  StepCommon common();

  /** The step's type as written in definitions, e.g. {@code "parallel"}. */
  String type();

  /** The step's id. */
  default String id() {
    return common().id();
  }

  /**
   * The steps nested in this one (branches, bodies), in definition order; empty for simple steps.
   */
  default List<StepDef> children() {
    return List.of();
  }

  /** A copy of this step with other common fields, keeping the type-specific ones. */
  StepDef withCommon(StepCommon common);
}
