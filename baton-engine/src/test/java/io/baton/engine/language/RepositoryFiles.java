package io.baton.engine.language;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds files of the repository (or beside it) from the test's working directory, wherever the
 * build runs.
 */
final class RepositoryFiles {
  private RepositoryFiles() {}

  /** The repository's root: the nearest ancestor of the working directory holding {@code mvnw}. */
  static Optional<Path> root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("baton-engine"))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /** The first {@code relative} path found in the working directory or one of its ancestors. */
  static Optional<Path> find(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(relative);
      if (Files.exists(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
