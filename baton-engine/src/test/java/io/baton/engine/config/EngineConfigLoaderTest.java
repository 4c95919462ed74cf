package io.baton.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.baton.engine.language.Conformance;
import io.baton.engine.language.Diagnostic;
import io.baton.engine.language.Severity;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineConfigLoaderTest {
  private final EngineConfigLoader loader = new EngineConfigLoader();

  @Test
  void theIflowConfigurationOfSeed004Loads() {
    ConfigLoadResult r = loader.load(Conformance.path(Conformance.CONFIG));
    assertThat(r.diagnostics()).isEmpty();
    EngineConfig c = r.orThrow();
    assertThat(c.maxConcurrentTasks()).isEqualTo(10);
    assertThat(c.taskTimeout()).isEqualTo(Duration.ofSeconds(300));
    assertThat(c.retryAttempts()).isEqualTo(3);
    assertThat(c.strategy()).isEqualTo(SchedulingStrategy.PRIORITY_BASED);
    assertThat(c.agingInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.options())
        .containsEntry("orchestration.enabled", true)
        .containsEntry("orchestration.mode", "intelligent")
        .containsEntry("scheduling.priority_levels", 5)
        .containsEntry("scheduling.load_threshold", 0.8)
        .containsEntry("scheduling.auto_scaling", true)
        .containsEntry("coordination.sync_mode", "event_driven")
        .containsEntry("coordination.state_persistence", true)
        .containsEntry("coordination.communication_timeout", 60);
    assertThat(c.conflictResolution()).isEqualTo(ConflictResolution.PRIORITY);
  }

  @Test
  void resourcePoolsAndTheConflictRuleAreRead() {
    ConfigLoadResult r =
        loader.parse(
            """
            resources: {pools: {gpu: 2, licences: 5}}
            coordination: {conflict_resolution: timestamp}
            """,
            "baton.yaml");
    assertThat(r.diagnostics()).isEmpty();
    EngineConfig c = r.config();
    assertThat(c.resourcePools()).containsEntry("gpu", 2).containsEntry("licences", 5);
    assertThat(c.conflictResolution()).isEqualTo(ConflictResolution.TIMESTAMP);
  }

  @Test
  void theSnapshotAndValueSectionsSetTheSnapshotPolicyAndTheValueLimits() {
    ConfigLoadResult r =
        loader.parse(
            """
            snapshots: {every_events: 1000, on_suspend: true, at_steps: [review], compact: true, keep: 2}
            values: {max_inline_bytes: 65536, cache_bytes: 1048576}
            """,
            "baton.yaml");
    assertThat(r.diagnostics()).isEmpty();
    EngineConfig c = r.config();
    assertThat(SnapshotPolicy.of(c))
        .isEqualTo(new SnapshotPolicy(1000, true, java.util.Set.of("review"), true, 2));
    assertThat(SnapshotPolicy.of(EngineConfig.DEFAULTS)).isEqualTo(SnapshotPolicy.NONE);
    assertThat(SnapshotPolicy.NONE.automatic()).isFalse();
    assertThat(c.options())
        .containsEntry("values.max_inline_bytes", 65536)
        .containsEntry("values.cache_bytes", 1048576);
  }

  @Test
  void aNegativeSnapshotIntervalIsReportedAtItsPointer() {
    ConfigLoadResult r =
        loader.parse("snapshots: {every_events: -1, keep: 0, unknown: 1}\n", "baton.yaml");
    assertThat(r.diagnostics())
        .extracting(Diagnostic::pointer, Diagnostic::severity)
        .containsExactlyInAnyOrder(
            tuple("/snapshots/every_events", Severity.ERROR),
            tuple("/snapshots/keep", Severity.ERROR),
            tuple("/snapshots/unknown", Severity.WARNING));
  }

  @Test
  void aPoolWithoutCapacityIsReportedAtItsPointer() {
    ConfigLoadResult r = loader.parse("resources: {pools: {gpu: 0}}\n", "baton.yaml");
    assertThat(r.diagnostics())
        .extracting(d -> d.pointer())
        .containsExactly("/resources/pools/gpu");
  }

  @Test
  void batonsOwnKeysSetAgingAndLimits() {
    ConfigLoadResult r =
        loader.parse(
            """
            scheduling: {strategy: round_robin, aging_interval: 2m}
            limits: {per_workflow: 20, per_run: 5, per_step_type: {agent: 4, http: 16}}
            """,
            "baton.yaml");
    assertThat(r.diagnostics()).isEmpty();
    EngineConfig c = r.config();
    assertThat(c.strategy()).isEqualTo(SchedulingStrategy.ROUND_ROBIN);
    assertThat(c.agingInterval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.maxConcurrentPerWorkflow()).isEqualTo(20);
    assertThat(c.maxConcurrentPerRun()).isEqualTo(5);
    assertThat(c.maxConcurrentPerStepType()).isEqualTo(Map.of("agent", 4, "http", 16));
    assertThat(c.maxConcurrentTasks())
        .as("default")
        .isEqualTo(EngineConfig.DEFAULTS.maxConcurrentTasks());
  }

  @Test
  void wrongValuesAreLocatedAndTheDefaultsKept() {
    ConfigLoadResult r =
        loader.parse(
            """
            orchestration:
              max_concurrent_tasks: 0
              task_timeout: soon
              mode: clever
            scheduling:
              strategy: fastest_first
              priority_levels: 3
              load_threshold: 1.5
            coordination:
              conflict_resolution: timestmp
            limits:
              per_step_type: {agent: -1}
            """,
            "baton.yaml");
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::line, Diagnostic::column, Diagnostic::pointer)
        .containsExactly(
            tuple("invalid-value", 2, 25, "/orchestration/max_concurrent_tasks"),
            tuple("invalid-duration", 3, 17, "/orchestration/task_timeout"),
            tuple("invalid-enum", 4, 9, "/orchestration/mode"),
            tuple("invalid-enum", 6, 13, "/scheduling/strategy"),
            tuple("invalid-value", 7, 20, "/scheduling/priority_levels"),
            tuple("invalid-value", 8, 19, "/scheduling/load_threshold"),
            tuple("invalid-enum", 10, 24, "/coordination/conflict_resolution"),
            tuple("invalid-value", 12, 26, "/limits/per_step_type/agent"));
    assertThat(r.diagnostics().get(2).message())
        .isEqualTo(
            "\"clever\" is not a valid \"mode\"; expected one of: basic, intelligent, advanced");
    assertThat(r.diagnostics().get(3).message())
        .contains("priority_based, round_robin, load_balanced");
    assertThat(r.diagnostics().get(4).message()).startsWith("Baton has 5 priority levels");
    assertThat(r.diagnostics().get(6).hint()).isEqualTo("did you mean \"timestamp\"?");
    assertThat(r.diagnostics().get(0).file()).isEqualTo("baton.yaml");
    assertThat(r.config().maxConcurrentTasks())
        .isEqualTo(EngineConfig.DEFAULTS.maxConcurrentTasks());
    assertThatThrownBy(r::orThrow)
        .isInstanceOf(ConfigInvalidException.class)
        .hasMessageStartingWith("engine configuration is invalid:\n  baton.yaml:2:25 ");
  }

  @Test
  void unknownKeysAreWarningsWithSuggestions() {
    ConfigLoadResult r =
        loader.parse(
            "orchestration:\n  max_concurrent_task: 5\nlogging: {level: debug}\n", "c.yaml");
    assertThat(r.hasErrors()).isFalse();
    assertThat(r.diagnostics())
        .extracting(Diagnostic::severity, Diagnostic::pointer, Diagnostic::hint)
        .containsExactly(
            tuple(
                Severity.WARNING,
                "/orchestration/max_concurrent_task",
                "did you mean \"max_concurrent_tasks\"?"),
            tuple(Severity.WARNING, "/logging", null));
  }

  @Test
  void syntaxErrorsAndNonObjectsAreReported() {
    ConfigLoadResult broken = loader.parse("orchestration: [1, 2\n", "c.yaml");
    assertThat(broken.diagnostics())
        .singleElement()
        .extracting(Diagnostic::code)
        .isEqualTo("syntax");
    assertThat(broken.config()).isEqualTo(EngineConfig.DEFAULTS);
    ConfigLoadResult list = loader.parse("- a\n", "c.yaml");
    assertThat(list.diagnostics())
        .singleElement()
        .extracting(Diagnostic::code)
        .isEqualTo("wrong-type");
  }

  @Test
  void timesMayBeDurationStringsAndAZeroTimeoutMeansNone() {
    EngineConfig c =
        loader
            .parse(
                "orchestration: {task_timeout: 5m}\nscheduling: {aging_interval: 10}\n", "c.yaml")
            .orThrow();
    assertThat(c.taskTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.agingInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(loader.parse("orchestration: {task_timeout: 0}\n", "c.yaml").orThrow().taskTimeout())
        .isNull();
  }
}
