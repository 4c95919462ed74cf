package io.baton.engine.language.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.baton.engine.language.Conformance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The test copies of the conformance fixtures are verbatim copies of the shared originals. */
class ConformanceCopiesTest {

  /** {@code shared/conformance} in the working directory or an ancestor (beside the repository). */
  private static Optional<Path> originals() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/conformance");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  @Test
  void theCopiesEqualTheOriginals() throws Exception {
    Optional<Path> originals = originals();
    assumeTrue(originals.isPresent(), "shared/conformance is not reachable from here");
    List<String> names = new ArrayList<>(Conformance.WORKFLOWS);
    names.add(Conformance.CONFIG);
    for (String name : names) {
      assertThat(Files.readAllBytes(Conformance.path(name)))
          .as(name)
          .isEqualTo(Files.readAllBytes(originals.get().resolve(name)));
    }
    try (var files = Files.list(originals.get())) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md")))
          .as("every fixture is copied")
          .containsExactlyInAnyOrderElementsOf(names);
    }
  }
}
