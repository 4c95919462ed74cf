package io.baton.bench;

import io.baton.store.jdbc.JdbcStoreBackend;
import io.baton.store.jdbc.JdbcStoreOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A durable store of its own for one workload: an H2 file in a fresh temporary directory, or a
 * fresh database {@code baton_bench_<random>} on the machine's PostgreSQL ({@code 127.0.0.1:5432},
 * user {@code postgres}, or {@code BATON_BENCH_PG=host:port}). Closing it deletes the file or drops
 * the database.
 */
final class BenchStore implements AutoCloseable {
  private static final String PG = System.getenv().getOrDefault("BATON_BENCH_PG", "127.0.0.1:5432");
  private static final String[] TABLES = {
    "baton_journal", "baton_value", "baton_run", "baton_timer", "baton_wait", "baton_snapshot"
  };

  /** The stores W3 and W4 measure, by their {@code store=} key. */
  enum Kind {
    H2("h2"),
    POSTGRES("postgres");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    String key() {
      return key;
    }

    /**
     * The stores to measure: all, or those named in {@code BATON_BENCH_STORES} ({@code h2}, {@code
     * postgres}, comma-separated).
     */
    static List<Kind> selected() {
      List<String> keys = selectedKeys();
      return keys == null
          ? List.of(values())
          : Arrays.stream(values()).filter(k -> keys.contains(k.key)).toList();
    }

    /** Whether the in-memory store is measured: unless {@code BATON_BENCH_STORES} leaves it out. */
    static boolean memorySelected() {
      List<String> keys = selectedKeys();
      return keys == null || keys.contains("memory");
    }

    private static List<String> selectedKeys() {
      String only = System.getenv("BATON_BENCH_STORES");
      return only == null || only.isBlank()
          ? null
          : List.of(only.toLowerCase(java.util.Locale.ROOT).split("\\s*,\\s*"));
    }
  }

  private final JdbcStoreBackend backend;
  private final Runnable cleanup;

  private BenchStore(JdbcStoreBackend backend, Runnable cleanup) {
    this.backend = backend;
    this.cleanup = cleanup;
  }

  /**
   * Opens a fresh store of {@code kind}.
   *
   * @throws StoreMissingException when PostgreSQL cannot be reached: the workload says so and skips
   *     that store
   */
  static BenchStore open(Kind kind) {
    return kind == Kind.H2 ? h2() : postgres();
  }

  JdbcStoreBackend backend() {
    return backend;
  }

  /** Empties the run tables (definitions stay), so that a repetition does not pay for another's. */
  void empty() {
    try (Connection c = backend.dataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String table : TABLES) {
        s.execute("TRUNCATE TABLE " + table);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot empty the bench store " + backend.describe(), e);
    }
  }

  private static BenchStore h2() {
    try {
      Path dir = Files.createTempDirectory("baton-bench-");
      JdbcStoreBackend backend =
          JdbcStoreBackend.open("h2:" + dir.resolve("bench"), JdbcStoreOptions.DEFAULTS);
      return new BenchStore(backend, () -> deleteTree(dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BenchStore postgres() {
    String name =
        "baton_bench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    try {
      admin("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new StoreMissingException(
          "PostgreSQL is not available at "
              + PG
              + " ("
              + e.getMessage()
              + "); scripts/ensure-postgres.sh starts the local one");
    }
    JdbcStoreBackend backend =
        JdbcStoreBackend.open(
            "postgresql://postgres@" + PG + "/" + name, JdbcStoreOptions.DEFAULTS.withPoolSize(16));
    return new BenchStore(backend, () -> dropQuietly(name));
  }

  private static void admin(String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection("jdbc:postgresql://" + PG + "/postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static void dropQuietly(String name) {
    try {
      admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      System.err.println("[bench] could not drop database " + name + ": " + e.getMessage());
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("[bench] could not delete " + dir + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    backend.close();
    cleanup.run();
  }

  /** The store of a workload is not available on this machine: the workload skips it. */
  static final class StoreMissingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreMissingException(String message) {
      super(message);
    }
  }
}
