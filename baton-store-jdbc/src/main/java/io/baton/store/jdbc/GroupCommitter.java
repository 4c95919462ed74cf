package io.baton.store.jdbc;

import io.baton.api.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Group commit: writes submitted concurrently by many threads (journal appends and run summaries of
 * many runs) are applied by a committer thread in one transaction, so that one commit — one flush
 * to disk — makes a whole batch durable. Several committers (lanes) may work side by side, each on
 * its own connection, so that one batch is built and sent while another is being committed. Each
 * caller returns only when its write is committed, or has conflicted, or has failed.
 *
 * <p>A conflict of one write does not fail the others: conflicts show as a head row that changed
 * nothing (see {@link Write}). A statement that fails (a writer in another process won a race, the
 * database refuses a row of one write) makes the batch go again write by write, each under a
 * savepoint, so that the write it came from conflicts or fails alone (see {@link CommitBatch}).
 *
 * <p>On PostgreSQL a batch of one write of one statement (a lone run's step: its events) goes in
 * auto-commit mode, so that the statement and its commit are one round trip to the server instead
 * of two.
 */
final class GroupCommitter implements AutoCloseable {
  private final Lane[] lanes;

  /**
   * @param lanes how many committers work side by side, each on its own connection, each for the
   *     writes whose keys hash to it (so writes to one key keep their order)
   */
  GroupCommitter(Database database, int maxBatch, int lanes) {
    this.lanes = new Lane[lanes];
    for (int i = 0; i < lanes; i++) {
      this.lanes[i] =
          new Lane(
              database, maxBatch, database.dialect() == Dialect.POSTGRESQL, "baton-commit-" + i);
    }
  }

  /**
   * Applies {@code write} durably.
   *
   * @return true when it applied, false when its head changed nothing (a conflict)
   * @throws StoreUnavailableException when the database failed or the store is closed
   */
  boolean apply(Write write) {
    return lanes[Math.floorMod(write.key().hashCode(), lanes.length)].apply(write);
  }

  /** Commits what was submitted before, then stops the committer threads. */
  @Override
  public void close() {
    for (Lane lane : lanes) {
      lane.stop();
    }
    for (Lane lane : lanes) {
      lane.join();
    }
  }

  /** One committer thread and its queue. */
  private static final class Lane {
    private static final Pending STOP = new Pending(null);

    private final Database database;
    private final int maxBatch;
    private final boolean loneStatementsAutoCommit;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final ArrayDeque<Pending> deferred = new ArrayDeque<>();
    private final Thread thread;
    private boolean closed;

    Lane(Database database, int maxBatch, boolean loneStatementsAutoCommit, String name) {
      this.database = database;
      this.maxBatch = maxBatch;
      this.loneStatementsAutoCommit = loneStatementsAutoCommit;
      this.thread = Thread.ofPlatform().daemon().name(name).unstarted(this::loop);
      thread.start();
    }

    boolean apply(Write write) {
      Pending pending = new Pending(write);
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
        List<Pending> batch;
        try {
          batch = nextBatch();
        } catch (InterruptedException e) {
          break;
        }
        if (batch == null) {
          break;
        }
        commit(batch);
      }
      failRemaining();
    }

    /**
     * The next batch: writes deferred from the last one first, then what is queued, at most {@code
     * maxBatch}, one per key (a second write to a key waits for the next batch, in order); null on
     * stop.
     */
    private List<Pending> nextBatch() throws InterruptedException {
      List<Pending> candidates = new ArrayList<>(deferred);
      deferred.clear();
      if (candidates.isEmpty()) {
        candidates.add(queue.take());
      }
      queue.drainTo(candidates, Math.max(0, maxBatch - candidates.size()));
      List<Pending> batch = new ArrayList<>(candidates.size());
      Set<String> keys = new HashSet<>();
      boolean stop = false;
      for (Pending p : candidates) {
        if (p == STOP) {
          stop = true;
        } else if (stop || !keys.add(p.write.key())) {
          deferred.add(p);
        } else {
          batch.add(p);
        }
      }
      if (stop) {
        deferred.add(STOP);
      }
      return batch.isEmpty() && stop ? null : batch;
    }

    private void commit(List<Pending> batch) {
      if (batch.isEmpty()) {
        return;
      }
      List<Write> writes = batch.stream().map(p -> p.write).toList();
      CommitBatch applying = null;
      boolean[] applied;
      try (Connection c = database.dataSource().getConnection()) {
        if (loneStatementsAutoCommit && writes.size() == 1 && writes.getFirst().oneRow()) {
          applied = new boolean[] {CommitBatch.applyAlone(c, writes.getFirst())};
        } else {
          applying = new CommitBatch(c, writes);
          applied = inTransaction(c, applying);
        }
      } catch (SQLException e) {
        RuntimeException failure = database.failure("committing " + batch.size() + " write(s)", e);
        batch.forEach(p -> p.done.completeExceptionally(failure));
        return;
      } catch (RuntimeException e) {
        batch.forEach(p -> p.done.completeExceptionally(e));
        return;
      }
      for (int i = 0; i < batch.size(); i++) {
        SQLException own = applying == null ? null : applying.failure(i);
        if (own == null) {
          batch.get(i).done.complete(applied[i]);
        } else {
          batch
              .get(i)
              .done
              .completeExceptionally(database.failure("writing " + writes.get(i).key(), own));
        }
      }
    }

    private static boolean[] inTransaction(Connection c, CommitBatch writes) throws SQLException {
      c.setAutoCommit(false);
      try {
        boolean[] applied = writes.apply();
        c.commit();
        return applied;
      } catch (SQLException | RuntimeException e) {
        Database.rollbackQuietly(c, e);
        throw e;
      }
    }

    private void failRemaining() {
      List<Pending> left = new ArrayList<>(deferred);
      queue.drainTo(left);
      left.stream()
          .filter(p -> p != STOP)
          .forEach(p -> p.done.completeExceptionally(closedError()));
    }

    private StoreUnavailableException closedError() {
      return new StoreUnavailableException(
          "the store at " + database.location() + " is closed; nothing was written");
    }

    void stop() {
      synchronized (queue) {
        if (closed) {
          return;
        }
        closed = true;
        queue.add(STOP);
      }
    }

    void join() {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static final class Pending {
    final Write write;
    final CompletableFuture<Boolean> done = new CompletableFuture<>();

    Pending(Write write) {
      this.write = write;
    }
  }
}
