package io.baton.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.store.StoreBackend;
import io.baton.api.store.StoreProvider;
import io.baton.api.store.StoreUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a store: found by the service loader, retried while unreachable, refused with reasons.
 */
class OpeningFaultsTest {
  private final List<Duration> pauses = new ArrayList<>();

  private JdbcStoreOptions retrying(int attempts) {
    return JdbcStoreOptions.DEFAULTS.withRetry(attempts, Duration.ofMillis(100), pauses::add);
  }

  @Test
  void anUnreachableDatabaseIsTriedAgainWithDoublingPausesThenExplained() {
    // nothing listens on port 1 of the loopback: every attempt is refused at once
    assertThatThrownBy(() -> JdbcStoreBackend.open("postgresql://127.0.0.1:1/baton", retrying(3)))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("cannot open the store at postgresql://127.0.0.1:1/baton")
        .hasMessageContaining("after 3 attempt(s)")
        .hasMessageContaining("pg_isready")
        .hasMessageContaining("connectAttempts");
    assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void anH2FileThatCannotBeCreatedIsExplained(@TempDir Path dir) throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
    assertThatThrownBy(
            () -> JdbcStoreBackend.open("h2:" + notADirectory.resolve("db"), retrying(2)))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("cannot open the store at h2:" + notADirectory.resolve("db"))
        .hasMessageContaining("directory of the database file");
    assertThat(pauses).hasSize(1);
  }

  @Test
  void aMissingPostgresDatabaseIsRefusedWithoutWaiting() {
    assertThatThrownBy(
            () ->
                JdbcStoreBackend.open(
                    "postgresql://postgres@127.0.0.1:5432/baton_no_such_database", retrying(5)))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("refused the connection")
        .hasMessageContaining("createdb");
    assertThat(pauses).isEmpty();
  }

  @Test
  void theServiceLoaderFindsTheProviderForSqlLocations(@TempDir Path dir) {
    StoreProvider provider =
        ServiceLoader.load(StoreProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.supports("h2:./data/baton"))
            .findFirst()
            .orElseThrow();
    assertThat(provider).isInstanceOf(JdbcStoreProvider.class);
    assertThat(provider.supports("jdbc:postgresql://h/db")).isTrue();
    assertThat(provider.supports("mem:")).isFalse();
    try (StoreBackend backend = provider.open("h2:" + dir.resolve("db"), Map.of("poolSize", "2"))) {
      assertThat(backend.describe()).isEqualTo("h2:" + dir.resolve("db"));
      assertThat(((JdbcStoreBackend) backend).dataSource()).isNotNull();
    }
  }
}
