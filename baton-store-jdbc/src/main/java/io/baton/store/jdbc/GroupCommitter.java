package io.baton.store.jdbc;

import io.baton.api.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: writes submitted concurrently by many threads (journal appends and run summaries of
 * many runs) are applied in one transaction, so that one commit — one flush to disk — makes a whole
 * batch durable. Several lanes may work side by side, each on its own connection, so that one batch
 * is built and sent while another is being committed. Each caller returns only when its write is
 * committed, or has conflicted, or has failed.
 *
 * <p>No thread of its own: the caller that finds its lane idle commits, on its own thread, its
 * write and whatever queued behind it, until its own write is done; then it hands the lane to the
 * oldest waiting caller. A caller alone — a single run writing step after step — thus commits
 * without handing its write to another thread and waiting to be woken, and under load the writes
 * that queue while one batch commits make the next.
 *
 * <p>A conflict of one write does not fail the others: conflicts show as a head row that changed
 * nothing (see {@link Write}). A duplicate key (a writer in another process won a race) makes the
 * batch go again write by write, each under a savepoint (see {@link CommitBatch}).
 */
final class GroupCommitter implements AutoCloseable {
  private final Lane[] lanes;

  /**
   * @param lanes how many batches may commit side by side, each on its own connection, each for the
   *     writes whose keys hash to it (so writes to one key keep their order)
   */
  GroupCommitter(Database database, int maxBatch, int lanes) {
    this.lanes = new Lane[lanes];
    for (int i = 0; i < lanes; i++) {
      this.lanes[i] = new Lane(database, maxBatch);
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

  /** Waits for the writes submitted before to be committed; later ones are refused. */
  @Override
  public void close() {
    for (Lane lane : lanes) {
      lane.close();
    }
  }

  /** The writes of one lane: a queue, and the caller committing it for the others, if any. */
  private static final class Lane {
    private final Database database;
    private final int maxBatch;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();

    /** A caller is committing, or has been asked to: whenever the queue is not empty. */
    private boolean leading;

    private boolean closed;

    Lane(Database database, int maxBatch) {
      this.database = database;
      this.maxBatch = maxBatch;
    }

    boolean apply(Write write) {
      Pending mine = new Pending(write);
      boolean lead;
      lock.lock();
      try {
        if (closed) {
          throw closedError();
        }
        queue.add(mine);
        lead = !leading;
        leading = true;
      } finally {
        lock.unlock();
      }
      if (!lead) {
        lead = mine.awaitTurnOrResult();
      }
      if (lead) {
        lead(mine);
      }
      try {
        return mine.done.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }

    /** Commits batches until {@code mine} is in one, then hands the lane on. */
    private void lead(Pending mine) {
      boolean handedOn = false;
      try {
        while (!mine.done.isDone()) {
          commit(nextBatch());
        }
        handedOn = handOn();
      } finally {
        if (!handedOn && !mine.done.isDone()) {
          // an Error on the way: let the others go on without this caller
          mine.done.completeExceptionally(closedError());
          handOn();
        }
      }
    }

    /** Gives the lane to the oldest waiting caller, or marks it idle; true when done. */
    private boolean handOn() {
      lock.lock();
      try {
        Pending next = queue.peekFirst();
        if (next == null) {
          leading = false;
          idle.signalAll();
        } else {
          next.yourTurn();
        }
        return true;
      } finally {
        lock.unlock();
      }
    }

    /**
     * The next batch: the oldest queued writes, at most {@code maxBatch}, one per key (a second
     * write to a key stays queued for the next batch, in order).
     */
    private List<Pending> nextBatch() {
      lock.lock();
      try {
        List<Pending> batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
        Set<String> keys = new HashSet<>();
        Iterator<Pending> it = queue.iterator();
        while (it.hasNext() && batch.size() < maxBatch) {
          Pending p = it.next();
          if (keys.add(p.write.key())) {
            batch.add(p);
            it.remove();
          }
        }
        return batch;
      } finally {
        lock.unlock();
      }
    }

    private void commit(List<Pending> batch) {
      if (batch.isEmpty()) {
        return;
      }
      List<Write> writes = batch.stream().map(p -> p.write).toList();
      boolean[] applied;
      try (Connection c = database.dataSource().getConnection()) {
        c.setAutoCommit(false);
        try {
          applied = new CommitBatch(c, writes).apply();
          c.commit();
        } catch (SQLException | RuntimeException e) {
          Database.rollbackQuietly(c, e);
          throw e;
        }
      } catch (SQLException e) {
        RuntimeException failure = database.failure("committing " + batch.size() + " write(s)", e);
        batch.forEach(p -> p.done.completeExceptionally(failure));
        return;
      } catch (RuntimeException | Error e) {
        batch.forEach(p -> p.done.completeExceptionally(e));
        if (e instanceof Error error) {
          throw error;
        }
        return;
      }
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).done.complete(applied[i]);
      }
    }

    private StoreUnavailableException closedError() {
      return new StoreUnavailableException(
          "the store at " + database.location() + " is closed; nothing was written");
    }

    /** Refuses new writes and waits until those queued are committed. */
    void close() {
      lock.lock();
      try {
        closed = true;
        while (leading) {
          idle.awaitUninterruptibly();
        }
      } finally {
        lock.unlock();
      }
    }
  }

  /** A write waiting for its commit, and for its turn to commit for the others. */
  private static final class Pending {
    final Write write;
    final CompletableFuture<Boolean> done = new CompletableFuture<>();
    private final CompletableFuture<Void> turn = new CompletableFuture<>();

    Pending(Write write) {
      this.write = write;
    }

    void yourTurn() {
      turn.complete(null);
    }

    /** Waits until the write is committed (false) or its caller is to commit (true). */
    boolean awaitTurnOrResult() {
      CompletableFuture.anyOf(done, turn).join();
      return !done.isDone();
    }
  }
}
