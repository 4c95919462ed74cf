package io.baton.server.persistence;

import io.baton.api.store.SqlWrite;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes of the server's own rows that belong together (an execution's index row and its audit
 * entry) in one transaction on the caller's thread: one commit instead of one per row, and both
 * rows or neither.
 *
 * <p>Why not a group commit like the store's journal: W6 on H2 measured one, with a single writer
 * thread committing what 64 request threads submitted, at 265 requests/s against 598 for a
 * transaction per request on the server's pool (and 460 for a commit per row), on the same loaded
 * machine — the single thread became the queue.
 */
@Component
public class ServerWrites {
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  ServerWrites(DataSource serverDataSource, JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(serverDataSource));
  }

  /**
   * Applies {@code write} in a transaction of its own and returns its result once committed.
   *
   * @throws RuntimeException what the write threw (a {@code DuplicateKeyException}, …), after the
   *     transaction was rolled back
   */
  public <T> T write(Function<JdbcClient, T> write) {
    return transactions.execute(status -> write.apply(jdbc));
  }

  /**
   * {@code statement} as a write to compose in {@link #write}; the same statement can go with a
   * run's start instead ({@link io.baton.engine.runtime.StartRequest#withAlongside}).
   *
   * @return the write, giving the rows it changed
   */
  public static Function<JdbcClient, Integer> of(SqlWrite statement) {
    return tx -> tx.sql(statement.sql()).params(statement.arguments()).update();
  }
}
