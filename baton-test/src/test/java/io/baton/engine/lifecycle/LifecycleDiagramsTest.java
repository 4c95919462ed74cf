package io.baton.engine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The diagrams in {@code docs/lifecycles.md} are generated from the transition tables; this test
 * fails when they differ. Regenerate with {@code -Dbaton.writeDocs=true}.
 */
class LifecycleDiagramsTest {
  static String document() {
    return "# Lifecycles\n\n"
        + "Generated from `io.baton.engine.lifecycle.Lifecycles` by `LifecycleDiagramsTest`: do not edit by hand.\n\n"
        + "## Run\n\n"
        + "A run is `WAITING` when only suspended steps (timers, events, people, child runs, retry backoffs) remain.\n"
        + "A failed, cancelled or timed-out run can be retried from the steps that did not complete.\n\n"
        + "```mermaid\n"
        + Lifecycles.RUN.mermaid()
        + "```\n\n"
        + "## Step\n\n"
        + "`READY` follows a failure when a retry is due; `WAITING` follows a final failure that a workflow fallback\n"
        + "escalates to a person; `PENDING` follows `FAILED` or `CANCELLED` when the run is retried.\n\n"
        + "```mermaid\n"
        + Lifecycles.STEP.mermaid()
        + "```\n";
  }

  @Test
  void docsMatchTheTables() throws IOException {
    Path doc = repoRoot().resolve("docs/lifecycles.md");
    if (Boolean.getBoolean("baton.writeDocs")) {
      Files.createDirectories(doc.getParent());
      Files.writeString(doc, document());
    }
    assertThat(doc).exists();
    assertThat(Files.readString(doc))
        .as("docs/lifecycles.md is stale: run the tests with -Dbaton.writeDocs=true")
        .isEqualTo(document());
  }

  static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("mvnw"))) {
      p = p.getParent();
    }
    return p;
  }
}
