package io.baton.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepPathsTest {

  @Test
  void readsNestedPaths() {
    assertThat(StepPaths.parent("plan")).isNull();
    assertThat(StepPaths.parent("fanout[3]/work")).isEqualTo("fanout");
    assertThat(StepPaths.parent("checks[lint]/run")).isEqualTo("checks");
    assertThat(StepPaths.parent("outer[1]/inner[2]/work")).isEqualTo("outer[1]/inner");
    assertThat(StepPaths.parent("review/ask")).isEqualTo("review");
    assertThat(StepPaths.label("fanout[3]/work")).isEqualTo("[3]/work");
    assertThat(StepPaths.label("review/ask")).isEqualTo("ask");
    assertThat(StepPaths.depth("outer[1]/inner[2]/work")).isEqualTo(2);
    assertThat(StepPaths.stepId("outer[1]/inner[2]/work")).isEqualTo("work");
  }
}
