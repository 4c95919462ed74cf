package io.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepStatus;
import io.baton.engine.config.ConflictResolution;
import io.baton.engine.config.EngineConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Steps' {@code resources}, written in YAML, through runs: pools, locks, and what is refused. */
class ResourcesTest extends EngineTest {
  private Blocker work;

  private void engineWithPools(Map<String, Integer> pools) {
    work = blocker();
    engine(
        b ->
            b.config(EngineConfig.DEFAULTS.withResources(pools, ConflictResolution.PRIORITY))
                .tool("work", "blocks", work));
  }

  private WorkflowDefinition yaml(String text) {
    return baton.loader().parse(text, "resources.yaml").orThrow();
  }

  @Test
  void stepsSharingALockRunOneAtATimeWhileTheRestRuns() {
    engineWithPools(Map.of());
    WorkflowDefinition wf =
        yaml(
            """
            id: deploys
            steps:
              - {id: a, type: tool, tool: work, resources: [{lock: prod}]}
              - {id: b, type: tool, tool: work, resources: [{lock: prod}]}
              - {id: c, type: tool, tool: work}
            """);
    var run = baton.start(wf, Map.of());
    work.awaitStarted(2);
    RunView meanwhile = baton.status(run.id());
    assertThat(statuses(meanwhile).values()).containsOnlyOnce(StepStatus.READY);
    assertThat(meanwhile.steps().get("c").status()).isEqualTo(StepStatus.RUNNING);

    work.releaseAll();
    assertThat(run.await(EventLog.TIMEOUT).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(work.calls()).isEqualTo(3);
    assertThat(work.maxActive()).isEqualTo(2);
  }

  @Test
  void aPoolBoundsItsStepsAcrossRuns() {
    engineWithPools(Map.of("gpu", 2));
    WorkflowDefinition wf =
        yaml(
            """
            id: trains
            steps:
              - {id: train, type: tool, tool: work, resources: [{pool: gpu, amount: 1}]}
            """);
    var first = baton.start(wf, Map.of());
    var second = baton.start(wf, Map.of());
    var third = baton.start(wf, Map.of());
    work.awaitStarted(2);
    assertThat(work.active()).isEqualTo(2);

    work.release(1);
    work.awaitStarted(1);
    work.releaseAll();
    for (var run : java.util.List.of(first, second, third)) {
      assertThat(run.await(EventLog.TIMEOUT).status()).isEqualTo(RunStatus.COMPLETED);
    }
    assertThat(work.maxActive()).isEqualTo(2);
  }

  @Test
  void aFailedStepGivesItsLockBack() {
    work = blocker();
    engine(
        b ->
            b.tool(
                    "boom",
                    "fails",
                    (args, ctx) -> {
                      throw new IllegalStateException("boom");
                    })
                .tool("work", "blocks", work));
    WorkflowDefinition wf =
        yaml(
            """
            id: release-after-failure
            steps:
              - {id: fails, type: tool, tool: boom, resources: [{lock: db}], onError: continue}
              - {id: after, type: tool, tool: work, resources: [{lock: db}], dependsOn: fails}
            """);
    var run = baton.start(wf, Map.of());
    work.awaitStarted(1);
    work.releaseAll();
    assertThat(run.await(EventLog.TIMEOUT).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void aPoolTheEngineDoesNotHaveIsRefusedBeforeTheRunStarts() {
    engineWithPools(Map.of("gpu", 2));
    WorkflowDefinition wf =
        yaml(
            """
            id: unknown-pool
            steps:
              - {id: train, type: tool, tool: work, resources: [{pool: tpu}]}
            """);
    assertThatThrownBy(() -> baton.start(wf, Map.of()))
        .hasMessageContaining("step 'train' asks for resource pool 'tpu'")
        .hasMessageContaining("pools: [gpu]");
    assertThat(work.calls()).isZero();
  }

  @Test
  void askingForMoreThanAPoolHoldsIsRefused() {
    engineWithPools(Map.of("gpu", 2));
    WorkflowDefinition wf =
        yaml(
            """
            id: too-big
            steps:
              - {id: train, type: tool, tool: work, resources: [{pool: gpu, amount: 3}]}
            """);
    assertThatThrownBy(() -> baton.start(wf, Map.of()))
        .hasMessageContaining("asks for 3 of resource pool 'gpu', which holds only 2");
  }
}
