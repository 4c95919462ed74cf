package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatonCliTest {

  @Test
  void printsItsVersion() {
    var t = CapturedTerminal.plain();
    assertThat(t.run("--version")).isZero();
    assertThat(t.out()).startsWith("baton ").contains("Java ");
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"run", "validate", "graph", "bench"}) {
      var t = CapturedTerminal.plain();
      assertThat(t.run(command, "--help")).isZero();
      assertThat(t.out()).contains("Usage: baton " + command).contains("Exit codes");
    }
  }

  @Test
  void withoutACommandItSaysWhatItCanDo() {
    var t = CapturedTerminal.plain();
    assertThat(t.run()).isEqualTo(ExitCodes.INVALID);
    assertThat(t.err()).contains("Commands:").contains("a command is needed");
  }

  @Test
  void usageErrorsSayHowToFixThem() {
    var t = CapturedTerminal.plain();
    assertThat(t.run("run", "x.yaml", "--timeout", "soon")).isEqualTo(ExitCodes.INVALID);
    assertThat(t.err())
        .contains("'soon' is not a duration; write it like 500ms, 30s, 10m")
        .contains("Try 'baton run --help' for the options.");

    var u = CapturedTerminal.plain();
    assertThat(u.run("runn", "x.yaml")).isEqualTo(ExitCodes.INVALID);
    assertThat(u.err()).contains("Did you mean").contains("run");
  }
}
