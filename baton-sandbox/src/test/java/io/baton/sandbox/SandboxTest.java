package io.baton.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.ai.step.ScriptRunner;
import io.baton.ai.step.ScriptRunner.ScriptFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scripts run, and every way out of the sandbox that we tried is refused. */
class SandboxTest {
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static GraalScriptRunner js;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    js = new GraalScriptRunner(new SandboxLimits(Duration.ofSeconds(2), 5_000_000L, 64L << 20));
  }

  @AfterAll
  static void stop() {
    js.close();
  }

  @Test
  void aScriptComputesFromItsInputAndItsConsoleIsCaptured() {
    var out =
        js.execute(
            "console.log('summing', input.items.length); ({total: input.items.reduce((a, b) => a + b, 0), name: input.name.toUpperCase()})",
            Map.of("items", List.of(1, 2, 3), "name", "baton"),
            SECOND);
    assertThat(out.value()).isEqualTo(Map.of("total", 6, "name", "BATON"));
    assertThat(out.console()).isEqualTo("summing 3\n");
  }

  @Test
  void theServiceLoaderFindsTheSandbox() {
    ScriptRunner found = ServiceLoader.load(ScriptRunner.class).findFirst().orElseThrow();
    assertThat(found).isInstanceOf(GraalScriptRunner.class);
    assertThat(found.run("[1, 2].map(x => x * 2)", Map.of(), SECOND)).isEqualTo(List.of(2, 4));
    ((GraalScriptRunner) found).close();
  }

  @Test
  void everyRunnerRunsOnTheProcesssOneEngineAndClosingOneLeavesItToTheOthers() {
    // the code steps' runner (found by the service loader) and one with other limits, as the
    // javascript conditions have: one GraalJS engine between them
    GraalScriptRunner found =
        (GraalScriptRunner) ServiceLoader.load(ScriptRunner.class).findFirst().orElseThrow();
    GraalScriptRunner conditions = new GraalScriptRunner(SandboxLimits.DEFAULTS);
    assertThat(found.engine()).isSameAs(js.engine()).isSameAs(conditions.engine());
    conditions.close();
    found.close();
    assertThat(js.run("input.a + 1", Map.of("a", 1), SECOND)).isEqualTo(2);
  }

  @Test
  void errorsNameTheirLineAndColumn() {
    assertThatThrownBy(() -> js.run("let a = 1;\nthrow new Error('bad ' + a)", Map.of(), SECOND))
        .isInstanceOf(ScriptFailure.class)
        .hasMessageContaining("bad 1")
        .hasMessageContaining("(line 2, column 7)")
        .matches(e -> !((ScriptFailure) e).limitExceeded());
    assertThatThrownBy(() -> js.run("let x = 1;\nlet = ;", Map.of(), SECOND))
        .hasMessageStartingWith("syntax error")
        .hasMessageContaining("(line 2, column");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Java.type('java.lang.System').exit(1)",
        "Java.type('java.lang.Runtime').getRuntime().exec('id')",
        "Packages.java.lang.System.getenv()",
        "java.lang.System.getProperty('user.home')",
        "Polyglot.eval('js', '1')",
        "require('fs')",
        "load('/etc/passwd')",
        "quit()",
        "fetch('http://127.0.0.1:1/')",
        "new XMLHttpRequest()",
        "Java.addToClasspath('/tmp')",
      })
  void hostAccessIsRefused(String escape) {
    assertThatThrownBy(() -> js.run(escape, Map.of(), SECOND))
        .as(escape)
        .isInstanceOf(ScriptFailure.class)
        .hasMessageStartingWith("the script threw");
  }

  @Test
  void filesCannotBeReadOrWritten() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "top secret");
    for (String escape :
        List.of(
            "load('" + secret + "')",
            "read('" + secret + "')",
            "readFully('" + secret + "')",
            "import('" + secret.toUri() + "')",
            "writeFile('" + dir.resolve("out.txt") + "', 'x')")) {
      Object result;
      try {
        result = js.run(escape, Map.of(), SECOND);
      } catch (ScriptFailure refused) {
        continue;
      }
      assertThat(String.valueOf(result)).as(escape).doesNotContain("top secret");
    }
    assertThat(dir.resolve("out.txt")).doesNotExist();
  }

  @Test
  void anEndlessLoopIsStopped() {
    assertThatThrownBy(() -> js.run("while (true) {}", Map.of(), SECOND))
        .isInstanceOf(ScriptFailure.class)
        .matches(e -> ((ScriptFailure) e).limitExceeded())
        .hasMessageContaining("stopped");
  }

  @Test
  void aLoopOfFewStatementsIsStoppedByItsCpuTime() {
    GraalScriptRunner generous =
        new GraalScriptRunner(
            new SandboxLimits(Duration.ofSeconds(2), Long.MAX_VALUE, Long.MAX_VALUE));
    try {
      assertThatThrownBy(() -> generous.run("for (;;) {}", Map.of(), Duration.ofMillis(300)))
          .isInstanceOf(ScriptFailure.class)
          .hasMessageContaining("300 ms of CPU time");
    } finally {
      generous.close();
    }
  }

  @Test
  void aMemoryBombIsStopped() {
    assertThatThrownBy(
            () ->
                js.run(
                    "const hoard = []; while (true) { hoard.push(new Array(100000).fill('x' + hoard.length)); }",
                    Map.of(),
                    Duration.ofSeconds(30)))
        .isInstanceOf(ScriptFailure.class)
        .matches(e -> ((ScriptFailure) e).limitExceeded());
    assertThat(js.run("1 + 1", Map.of(), SECOND)).as("the runner still works").isEqualTo(2);
  }

  @Test
  void scriptsDoNotSeeEachOther() {
    js.run("globalThis.leak = 42", Map.of(), SECOND);
    assertThat(js.run("typeof leak", Map.of(), SECOND)).isEqualTo("undefined");
  }
}
