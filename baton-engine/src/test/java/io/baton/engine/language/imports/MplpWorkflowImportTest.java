package io.baton.engine.language.imports;

import static io.baton.engine.language.Conformance.only;
import static io.baton.engine.language.Conformance.parse;
import static io.baton.engine.language.Conformance.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.Backoff;
import io.baton.api.definition.Branch;
import io.baton.api.definition.FallbackAction;
import io.baton.api.definition.ModuleStep;
import io.baton.api.definition.ParallelMode;
import io.baton.api.definition.ParallelStep;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.engine.language.Conformance;
import io.baton.engine.language.Diagnostic;
import io.baton.engine.language.LoadResult;
import io.baton.engine.language.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seed 001's MPLP workflow JSON: {@code {"workflow": {...}}}. */
class MplpWorkflowImportTest {

  @Test
  void theMultiAgentCollaborationWorkflowKeepsItsStructure() {
    LoadResult r = Conformance.load("mplp-multi-agent-collaboration.json");
    WorkflowDefinition d = r.definition();
    assertThat(r.sourceFormat()).isEqualTo("mplp-workflow");
    assertThat(d.metadata()).isEqualTo(Map.of("sourceFormat", "mplp-workflow"));
    assertThat(d.id()).isEqualTo("multi-agent-collaboration");
    assertThat(d.version()).isEqualTo("1.0.0");
    assertThat(d.name()).isEqualTo("多智能体协作工作流");
    assertThat(d.steps())
        .extracting(StepDef::id)
        .containsExactly(
            "context-setup", "role-assignment", "plan-creation", "execution-monitoring");
    assertThat(d.steps())
        .extracting(StepDef::type)
        .containsExactly("module", "module", "module", "parallel");
    assertThat(step(d, "plan-creation").common().dependsOn())
        .containsExactly("context-setup", "role-assignment");
    assertThat(step(d, "execution-monitoring").common().dependsOn())
        .containsExactly("plan-creation");
  }

  @Test
  void moduleOperationsKeepTheirParametersTemplatesAndMillisecondTimeouts() {
    WorkflowDefinition d = Conformance.load("mplp-multi-agent-collaboration.json").definition();
    ModuleStep setup = (ModuleStep) step(d, "context-setup");
    assertThat(setup.module()).isEqualTo("context");
    assertThat(setup.operation()).isEqualTo("create-context");
    assertThat(setup.common().input())
        .isEqualTo(Map.of("name", "collaboration-session", "type", "multi-agent"));
    assertThat(setup.common().timeout()).isEqualTo(Duration.ofSeconds(30));
    ModuleStep roles = (ModuleStep) step(d, "role-assignment");
    assertThat(roles.common().input())
        .containsEntry("contextId", "${context-setup.result.contextId}")
        .containsEntry("roles", List.of("coordinator", "executor", "reviewer"));
    assertThat(roles.common().timeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(step(d, "plan-creation").common().timeout()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void aNestedParallelRunsEachChildAsABranchAllSettled() {
    WorkflowDefinition d = Conformance.load("mplp-multi-agent-collaboration.json").definition();
    ParallelStep monitoring = (ParallelStep) step(d, "execution-monitoring");
    assertThat(monitoring.mode()).isEqualTo(ParallelMode.ALL_SETTLED);
    assertThat(monitoring.branches())
        .extracting(Branch::id)
        .containsExactly("trace-execution", "dialog-facilitation");
    ModuleStep trace = (ModuleStep) monitoring.branches().getFirst().steps().getFirst();
    assertThat(trace.module()).isEqualTo("trace");
    assertThat(trace.operation()).isEqualTo("start-monitoring");
    assertThat(trace.common().input())
        .isEqualTo(Map.of("planId", "${plan-creation.result.planId}"));
  }

  @Test
  void errorHandlingBecomesTheWorkflowsRetryPolicyAndFallbacks() {
    WorkflowDefinition d = Conformance.load("mplp-multi-agent-collaboration.json").definition();
    assertThat(d.policies().retry().maxRetries()).isEqualTo(3);
    assertThat(d.policies().retry().backoff()).isEqualTo(Backoff.EXPONENTIAL);
    assertThat(d.policies().fallbacks())
        .containsExactly(new FallbackAction("timeout", "escalate-to-human"));
  }

  @Test
  void problemsPointIntoTheMplpDocument() {
    LoadResult r =
        parse(
            """
            {"workflow": {
              "id": "w",
              "steps": [
                {"id": "a", "type": "module-operation", "module": "context", "operation": "x"},
                {"id": "b", "type": "module-op", "module": "plan", "operation": "y", "dependencies": ["aa"],
                 "timeout": "soon", "retries": 2},
                {"id": "c", "type": "module-operation", "operation": "z"}
              ],
              "error-handling": {"retry-policy": {"max-retries": 3, "backoff-strategy": "exponentail"}}
            }}
            """,
            "mplp.json");
    assertThat(r.sourceFormat()).isEqualTo("mplp-workflow");
    Diagnostic type = only(r, "unknown-step-type");
    assertThat(type.message())
        .isEqualTo(
            "unknown MPLP step type \"module-op\"; the known types are: module-operation, parallel");
    assertThat(type.hint()).isEqualTo("did you mean \"module-operation\"?");
    assertThat(type.line()).isEqualTo(5);
    assertThat(type.column()).as("at the quote").isEqualTo(25);
    Diagnostic dep = only(r, "unknown-step-reference");
    assertThat(dep.pointer()).isEqualTo("/workflow/steps/1/dependencies/0");
    assertThat(dep.line()).isEqualTo(5);
    assertThat(dep.hint()).isEqualTo("did you mean \"a\"?");
    assertThat(Conformance.only(r, "invalid-duration").pointer())
        .isEqualTo("/workflow/steps/1/timeout");
    Diagnostic unknownField = only(r, "unknown-field");
    assertThat(unknownField.severity()).isEqualTo(Severity.WARNING);
    assertThat(unknownField.pointer()).isEqualTo("/workflow/steps/1/retries");
    assertThat(only(r, "missing-field").pointer()).isEqualTo("/workflow/steps/2/module");
    assertThat(only(r, "invalid-enum").pointer())
        .isEqualTo("/workflow/error-handling/retry-policy/backoff-strategy");
  }

  @Test
  void aTemplateReadingAnUnknownStepPointsIntoTheParameters() {
    LoadResult r =
        parse(
            """
            {"workflow": {"id": "w", "steps": [
              {"id": "a", "type": "module-operation", "module": "m", "operation": "o",
               "parameters": {"p": "${nope.result.x}"}}
            ]}}
            """,
            "mplp.json");
    Diagnostic d = only(r, "unknown-step-reference");
    assertThat(d.pointer()).isEqualTo("/workflow/steps/0/parameters/p");
    assertThat(d.line()).isEqualTo(3);
    assertThat(d.column()).as("at \"nope\"").isEqualTo(27);
    assertThat(d.stepId()).isEqualTo("a");
  }
}
