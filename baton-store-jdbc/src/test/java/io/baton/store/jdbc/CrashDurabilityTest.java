package io.baton.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal append that returned is on disk even when the process dies at once after it: a child
 * JVM appends to an H2 file and halts (no shutdown hook, no close), then this test reads the file.
 */
class CrashDurabilityTest {
  static final int EVENTS = 40;

  @Test
  void appendsThatReturnedSurviveTheProcessBeingKilled(@TempDir Path dir) throws Exception {
    String location = "h2:" + dir.resolve("crash");
    Process child =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                AppendThenHalt.class.getName(),
                location)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child finished").isTrue();
    assertThat(child.exitValue()).as("child halted after appending").isEqualTo(42);

    try (JdbcStoreBackend store = JdbcStoreBackend.open(location, JdbcStoreOptions.DEFAULTS)) {
      List<JournalEntry> read = store.journal().read("crashed", 0);
      assertThat(read).hasSize(EVENTS);
      assertThat(read.getLast().event()).isEqualTo(event(EVENTS - 1));
    }
  }

  static RunEvent event(int i) {
    return new RunEvent.StepCompleted(Instant.EPOCH.plusSeconds(i), "s" + i, 1, (long) i);
  }

  /** The child: appends one event at a time, then halts the JVM as a kill would. */
  public static final class AppendThenHalt {
    public static void main(String[] args) {
      JdbcStoreBackend store = JdbcStoreBackend.open(args[0], JdbcStoreOptions.DEFAULTS);
      for (int i = 0; i < EVENTS; i++) {
        store.journal().append("crashed", i, List.of(event(i)));
      }
      Runtime.getRuntime().halt(42);
    }
  }
}
