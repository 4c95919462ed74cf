package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchCommandTest {

  @Test
  void anUnknownWorkloadIsRefusedWithTheKnownOnes() {
    var t = CapturedTerminal.plain();

    assertThat(t.run("bench", "W42")).isEqualTo(ExitCodes.INVALID);

    assertThat(t.err()).contains("W42").contains("W1").contains("W2").contains("W4");
    assertThat(t.out()).doesNotContain("RESULT");
  }

  @Test
  void needsAWorkload() {
    var t = CapturedTerminal.plain();

    assertThat(t.run("bench")).isEqualTo(ExitCodes.INVALID);

    assertThat(t.err()).contains("WORKLOAD").contains("baton bench --help");
  }
}
