package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;

class BenchCommandTest {

  private static boolean benchmarksBuilt() {
    try {
      Class.forName(BenchCommand.ENTRY_POINT);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  @Test
  void saysClearlyWhenTheBenchmarksAreNotBuilt() {
    assumeFalse(benchmarksBuilt(), "this build has the benchmark workloads");
    var t = CapturedTerminal.plain();

    assertThat(t.run("bench", "all")).isEqualTo(ExitCodes.INVALID);

    assertThat(t.err()).contains("baton: benchmarks not built");
  }

  @Test
  void needsAWorkload() {
    var t = CapturedTerminal.plain();

    assertThat(t.run("bench")).isEqualTo(ExitCodes.INVALID);

    assertThat(t.err()).contains("WORKLOAD").contains("baton bench --help");
  }
}
