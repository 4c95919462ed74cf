package io.baton.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.baton.api.store.DefinitionStore;
import io.baton.api.store.Journal;
import io.baton.api.store.RunCommitter;
import io.baton.api.store.RunStore;
import io.baton.api.store.SnapshotStore;
import io.baton.api.store.StoreBackend;
import io.baton.api.store.StoreUnavailableException;
import io.baton.api.store.StoredRun;
import io.baton.api.store.TimerStore;
import io.baton.api.store.ValueStore;
import io.baton.api.store.WaitStore;
import io.baton.engine.store.StoredValues;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Every store of an engine in one SQL database: an embedded H2 file (the default, {@code
 * h2:./data/baton}) or PostgreSQL ({@code jdbc:postgresql://host:5432/baton}). Opening connects
 * (retrying while the database is unreachable), migrates the schema with Flyway, and refuses a
 * schema migrated by a newer Baton.
 *
 * <pre>{@code
 * try (JdbcStoreBackend store = JdbcStoreBackend.open("h2:./data/baton", JdbcStoreOptions.DEFAULTS);
 *     Baton baton = Baton.builder().stores(store).build()) {
 *   baton.recover();                     // runs that had not ended when the store was last used
 *   baton.start(flow, Map.of()).await(Duration.ofMinutes(1));
 * }
 * }</pre>
 *
 * <p>Journal appends and run summaries are group-committed: concurrent writes of many runs share
 * one transaction and one flush to disk, and each caller returns once its write is durable. A run's
 * decision — its events, the waits and timers they call for and its summary — is one such write
 * ({@link #atomicCommits()}).
 */
public final class JdbcStoreBackend implements StoreBackend {
  private final Database database;
  private final GroupCommitter committer;
  private final JdbcJournal journal;
  private final JdbcRunStore runs;
  private final JdbcTimerStore timers;
  private final JdbcWaitStore waits;
  private final JdbcDefinitionStore definitions;
  private final JdbcSnapshotStore snapshots;
  private final StoredValues values;
  private final JdbcRunCommitter runCommits;

  private JdbcStoreBackend(Database database, JdbcStoreOptions options) {
    this.database = database;
    this.committer =
        new GroupCommitter(database, options.maxBatch(), commitLanes(database.dialect()));
    this.values = new StoredValues(new JdbcValueStore(database));
    this.journal = new JdbcJournal(database, committer, options.maxValueBytes(), values);
    this.runs = new JdbcRunStore(database, committer);
    this.timers = new JdbcTimerStore(database);
    this.waits = new JdbcWaitStore(database, committer);
    this.definitions = new JdbcDefinitionStore(database);
    this.snapshots = new JdbcSnapshotStore(database);
    this.runCommits = new JdbcRunCommitter(committer, journal, waits, timers, runs);
  }

  /**
   * Two committers on PostgreSQL: while one batch commits (the server flushes its log), the next is
   * sent on another connection — W4 on PostgreSQL went from about 5,500 to 8,500 runs/s on two
   * cores (four did no better). H2 writes one file from one process: one committer.
   */
  private static int commitLanes(Dialect dialect) {
    return dialect == Dialect.POSTGRESQL ? 2 : 1;
  }

  /**
   * Opens the store at {@code location} and migrates its schema.
   *
   * @param location {@code h2:./data/baton}, {@code h2:mem:NAME}, {@code jdbc:h2:…}, {@code
   *     jdbc:postgresql://HOST:PORT/DB} or {@code postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DB}
   * @throws StoreUnavailableException when the database cannot be reached after the configured
   *     attempts, refuses the credentials, or has a schema of a newer Baton
   * @throws IllegalArgumentException when the location is not understood
   */
  public static JdbcStoreBackend open(String location, JdbcStoreOptions options) {
    JdbcLocation where = JdbcLocation.parse(location);
    HikariDataSource pool = Connector.open(where, options);
    try {
      Migrations.migrate(pool, where.dialect(), where.display());
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new JdbcStoreBackend(new Database(pool, where.dialect(), where.display()), options);
  }

  @Override
  public Journal journal() {
    return journal;
  }

  @Override
  public RunStore runs() {
    return runs;
  }

  @Override
  public TimerStore timers() {
    return timers;
  }

  @Override
  public WaitStore waits() {
    return waits;
  }

  @Override
  public DefinitionStore definitions() {
    return definitions;
  }

  @Override
  public ValueStore values() {
    return values;
  }

  @Override
  public SnapshotStore snapshots() {
    return snapshots;
  }

  /**
   * The pooled connections to the store's database, for modules that keep their own tables beside
   * Baton's (with their own migrations and history table). Closed with this backend.
   */
  public DataSource dataSource() {
    return database.dataSource();
  }

  /**
   * Deletes everything kept of a run — its summary, journal, big values, timers, waits and
   * snapshots — in one transaction (retention). Harmless for an unknown run.
   *
   * @return the number of rows deleted
   */
  public int deleteRun(String runId) {
    return database.write(
        "deleting run " + runId, c -> Tables.deleteByRun(c, runId, Tables.OF_A_RUN));
  }

  /**
   * Deletes up to {@code limit} runs that ended before {@code time}, oldest first, with everything
   * kept of them (see {@link #deleteRun}).
   *
   * @return the ids of the deleted runs
   */
  public List<String> purgeEndedBefore(Instant time, int limit) {
    List<String> ended = runs.endedBefore(time, limit);
    ended.forEach(this::deleteRun);
    return ended;
  }

  /** The run's summary and its journal with one query. */
  @Override
  public Optional<StoredRun> loadRun(String runId) {
    return journal.readRun(runId);
  }

  /** A run's events, index changes and summary in one group-committed transaction. */
  @Override
  public Optional<RunCommitter> atomicCommits() {
    return Optional.of(runCommits);
  }

  @Override
  public String describe() {
    return database.location();
  }

  /** Commits what is in flight, stops the committer and closes the connections. */
  @Override
  public void close() {
    committer.close();
    database.close();
  }

  @Override
  public String toString() {
    return "JdbcStoreBackend[" + describe() + "]";
  }
}
