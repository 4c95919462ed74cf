package io.baton.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.Priority;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.run.RunStatus;
import io.baton.api.run.StepFailure;
import io.baton.api.run.StepStatus;
import io.baton.api.run.WaitKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunProgressTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final RunProgress progress =
      new RunProgress((w, s) -> s.equals("fanout") ? "map" : "tool");
  private long seq;

  private void feed(String runId, RunEvent... events) {
    for (RunEvent e : events) {
      progress.apply(new JournalEntry(runId, seq++, e));
    }
  }

  private static Instant at(long millis) {
    return T0.plusMillis(millis);
  }

  private static RunEvent.RunStarted started(String parent, String parentPath) {
    return new RunEvent.RunStarted(
        T0, "wf", "1", Map.of(), Priority.MEDIUM, parent, parentPath, null);
  }

  @Test
  void buildsATreeOfNestedStepsAndChildRuns() {
    feed("r", started(null, null));
    feed(
        "r",
        new RunEvent.StepStarted(at(1), "fanout", 1),
        new RunEvent.StepStarted(at(2), "fanout[0]/work", 1),
        new RunEvent.StepCompleted(at(5), "fanout[0]/work", 1, "ok"),
        new RunEvent.StepStarted(at(6), "review", 1));
    feed("c", started("r", "review"));
    feed("c", new RunEvent.StepStarted(at(7), "ask", 1));
    feed("x", new RunEvent.StepStarted(at(7), "stranger", 1));

    List<TreeLayout.Row> rows = TreeLayout.rows(progress);

    assertThat(rows)
        .extracting(TreeLayout.Row::label)
        .containsExactly("fanout", "[0]/work", "review", "ask");
    assertThat(rows).extracting(TreeLayout.Row::depth).containsExactly(0, 1, 0, 1);
    assertThat(progress.node("fanout[0]/work").status()).isEqualTo(StepStatus.COMPLETED);
    assertThat(progress.node("review/ask").status()).isEqualTo(StepStatus.RUNNING);
    assertThat(progress.node("fanout").type()).isEqualTo("map");
  }

  @Test
  void showsRetriesWaitsAndTheRunsEnd() {
    feed("r", started(null, null));
    StepFailure boom = StepFailure.of(ErrorKind.UNAVAILABLE, "down");
    feed(
        "r",
        new RunEvent.StepStarted(at(0), "call", 1),
        new RunEvent.StepFailed(at(10), "call", 1, boom, at(1010)),
        new RunEvent.StepStarted(at(0), "ask", 1),
        new RunEvent.StepWaiting(
            at(1), "ask", 1, "w1", WaitKind.HUMAN, null, Map.of("prompt", "Ok?")));

    assertThat(progress.node("call").isRetrying()).isTrue();
    assertThat(StepDetails.of(progress.node("call"), at(10)))
        .isEqualTo("tool · attempt 1 · retry in 1.0s · unavailable: down");
    assertThat(StepDetails.of(progress.node("ask"), at(10))).isEqualTo("tool · input: Ok?");

    feed("r", new RunEvent.RunCompleted(at(2000), Map.of()));
    assertThat(progress.status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void drawsALiveTreeInPlace() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    LiveTree live = new LiveTree(out, new Ansi(true), 80, Clock.fixed(at(3), ZoneOffset.UTC));
    feed("r", started(null, null));
    live.runStarted(progress);
    feed("r", new RunEvent.StepStarted(at(1), "fanout", 1));
    live.stepChanged(progress, progress.node("fanout"));

    String drawn = bytes.toString(StandardCharsets.UTF_8);
    assertThat(drawn)
        .contains("\u001b[1mrun r · wf 1\u001b[0m\n")
        .contains("\r\u001b[1A\u001b[J") // the one-line first frame is rewound before the second
        .contains("\u001b[36m●\u001b[0m fanout  map · 2ms\n");
  }
}
