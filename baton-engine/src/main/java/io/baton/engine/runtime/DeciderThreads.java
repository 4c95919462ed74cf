package io.baton.engine.runtime;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs each mailbox drain of the runs' deciders on a virtual thread of its own, and refuses new
 * ones once the engine is closed. It keeps no record of the threads: a drain ends by itself, and
 * closing waits for none, since what a run made durable is in its journal. (The JDK's
 * thread-per-task executor adds every thread to a concurrent set, a cost paid on each message to an
 * idle run.)
 */
public final class DeciderThreads implements Executor {
  private volatile boolean shutdown;

  @Override
  public void execute(Runnable drain) {
    if (shutdown) {
      throw new RejectedExecutionException("the engine is closed");
    }
    Thread.startVirtualThread(drain);
  }

  /** Refuses drains from now on. */
  public void shutdown() {
    shutdown = true;
  }

  /** Whether {@link #shutdown} was called. */
  public boolean isShutdown() {
    return shutdown;
  }
}
