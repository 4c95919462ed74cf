package io.baton.engine.language.imports;

import static io.baton.engine.language.Conformance.only;
import static io.baton.engine.language.Conformance.parse;
import static io.baton.engine.language.Conformance.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.CustomStep;
import io.baton.api.definition.Priority;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.engine.language.Conformance;
import io.baton.engine.language.Diagnostic;
import io.baton.engine.language.LoadResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seed 004's iflow task list. */
class IflowImportTest {

  @Test
  void theFullStackWorkflowBecomesTaskStepsWithCapabilitiesAndPriorities() {
    LoadResult r = Conformance.load("iflow-full-stack-development.json");
    WorkflowDefinition d = r.definition();
    assertThat(r.sourceFormat()).isEqualTo("iflow");
    assertThat(d.metadata()).isEqualTo(Map.of("sourceFormat", "iflow"));
    assertThat(d.id()).isEqualTo("full_stack_development");
    assertThat(d.description()).isEqualTo("完整的全栈应用开发流程");
    assertThat(d.steps())
        .extracting(StepDef::id)
        .containsExactly(
            "analyze_requirements",
            "design_architecture",
            "implement_frontend",
            "implement_backend",
            "integrate_systems",
            "test_system");
    assertThat(d.steps()).allSatisfy(s -> assertThat(s.type()).isEqualTo("task"));
    assertThat(d.steps())
        .extracting(s -> ((CustomStep) s).config().get("capability"))
        .containsExactly(
            "analysis", "design", "development", "development", "integration", "testing");
    assertThat(d.steps())
        .extracting(s -> s.common().priority())
        .containsExactly(
            Priority.HIGH,
            Priority.HIGH,
            Priority.MEDIUM,
            Priority.MEDIUM,
            Priority.HIGH,
            Priority.HIGH);
    assertThat(step(d, "integrate_systems").common().dependsOn())
        .containsExactly("implement_frontend", "implement_backend");
    assertThat(step(d, "analyze_requirements").common().dependsOn()).isEmpty();
  }

  @Test
  void taskProblemsPointIntoTheTasks() {
    LoadResult r =
        parse(
            """
            {"name": "w", "tasks": [
              {"id": "a", "type": "analysis", "dependencies": [], "priority": "urgent"},
              {"id": "b", "dependencies": ["aa"], "priority": "low"}
            ]}
            """,
            "iflow.json");
    Diagnostic priority = only(r, "invalid-enum");
    assertThat(priority.pointer()).isEqualTo("/tasks/0/priority");
    assertThat(priority.line()).isEqualTo(2);
    assertThat(priority.message()).contains("critical, high, medium, low, background");
    Diagnostic dep = only(r, "unknown-step-reference");
    assertThat(dep.pointer()).isEqualTo("/tasks/1/dependencies/0");
    assertThat(dep.line()).isEqualTo(3);
    assertThat(dep.stepId()).isEqualTo("b");
    Diagnostic config = only(r, "invalid-config");
    assertThat(config.pointer()).isEqualTo("/tasks/1");
    assertThat(config.message()).contains("capability");
  }

  @Test
  void aDocumentIsIflowOnlyWithTasksAndWithoutSteps() {
    LoadResult r = parse("id: w\ntasks: []\nsteps: [{id: a, type: tool, tool: t}]\n", "x.yaml");
    assertThat(r.sourceFormat()).isEqualTo("baton");
    assertThat(only(r, "unknown-field").pointer()).isEqualTo("/tasks");
  }
}
