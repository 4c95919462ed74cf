package io.baton.server.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for the server's own rows (execution index, audit log): writes that request threads
 * submit concurrently are applied by one writer thread in one transaction, so that one commit makes
 * a whole batch durable. Each caller still returns only once its write is committed (or has
 * failed), so nothing is acknowledged before it is on disk — under 64 concurrent API clients this
 * turns dozens of commits, each a write to the database file serialised on the database's lock,
 * into one.
 *
 * <p>When a batch fails (a duplicate key of one write, say), it is rolled back and its writes go
 * again one transaction each, so that only the failing write reports the failure.
 */
@Component
public class GroupWriter implements DisposableBean {
  private static final int MAX_BATCH = 256;
  private static final Pending<?> STOP = new Pending<>(null);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closed;

  GroupWriter(DataSource serverDataSource, JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(serverDataSource));
    this.thread = Thread.ofPlatform().daemon().name("baton-server-writer").start(this::loop);
  }

  /**
   * Applies {@code write} in a transaction shared with the writes submitted at the same time, and
   * returns its result once that transaction has committed.
   *
   * @throws RuntimeException what the write threw (a {@code DuplicateKeyException}, …)
   * @throws IllegalStateException when the server is shutting down and the write was not applied
   */
  public <T> T write(Function<JdbcClient, T> write) {
    Pending<T> pending = new Pending<>(write);
    // under the lock, a write is queued before STOP or not at all, so none is left unanswered
    synchronized (queue) {
      if (closed) {
        throw closedError();
      }
      queue.add(pending);
    }
    try {
      return pending.done.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private void loop() {
    while (true) {
      List<Pending<?>> batch = new ArrayList<>();
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        break;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      boolean stop = batch.remove(STOP);
      commit(batch);
      if (stop) {
        break;
      }
    }
    List<Pending<?>> left = new ArrayList<>();
    queue.drainTo(left);
    left.stream().filter(p -> p != STOP).forEach(p -> p.done.completeExceptionally(closedError()));
  }

  private void commit(List<Pending<?>> batch) {
    if (batch.isEmpty()) {
      return;
    }
    List<Object> results;
    try {
      results =
          transactions.execute(
              status -> batch.stream().map(p -> (Object) p.write.apply(jdbc)).toList());
    } catch (RuntimeException e) {
      if (batch.size() == 1) {
        batch.getFirst().done.completeExceptionally(e);
      } else {
        batch.forEach(p -> commit(List.of(p)));
      }
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).complete(results.get(i));
    }
  }

  private static IllegalStateException closedError() {
    return new IllegalStateException(
        "the server is shutting down: the write to its tables was not applied");
  }

  /** Commits what was submitted before, then stops the writer thread. */
  @Override
  public void destroy() throws InterruptedException {
    synchronized (queue) {
      if (closed) {
        return;
      }
      closed = true;
      queue.add(STOP);
    }
    thread.join();
  }

  private static final class Pending<T> {
    final Function<JdbcClient, T> write;
    final CompletableFuture<T> done = new CompletableFuture<>();

    Pending(Function<JdbcClient, T> write) {
      this.write = write;
    }

    @SuppressWarnings("unchecked")
    void complete(Object result) {
      done.complete((T) result);
    }
  }
}
