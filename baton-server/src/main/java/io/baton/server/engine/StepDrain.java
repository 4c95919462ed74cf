package io.baton.server.engine;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.spi.RunListener;
import io.baton.engine.Baton;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Graceful shutdown of running steps: counts the step attempts that have started and not ended, and
 * when the server stops — after the web server has stopped taking requests, before the engine and
 * the store close — waits up to {@code baton.shutdown.step-grace} (30 s) for them to finish, so
 * that their results are journaled. A step still running then is cut off; its {@code StepStarted}
 * is in the journal, so the next start on the same data runs it again, with the same idempotency
 * key.
 */
@Component
public class StepDrain implements RunListener, SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(StepDrain.class);

  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final Duration grace;
  private volatile boolean started;
  private volatile boolean draining;

  StepDrain(Baton baton, @Value("${baton.shutdown.step-grace:30s}") Duration grace) {
    this.grace = grace;
    baton.addListener(this);
  }

  @Override
  public void onEvent(JournalEntry entry) {
    RunEvent event = entry.event();
    String key = entry.runId() + "\u0000" + RunEvent.stepPath(event);
    switch (event) {
      case RunEvent.StepStarted s -> running.add(key);
      case RunEvent.StepCompleted s -> ended(key);
      case RunEvent.StepFailed s -> ended(key);
      case RunEvent.StepCancelled s -> ended(key);
      case RunEvent.StepWaiting s -> ended(key);
      default -> {}
    }
  }

  private void ended(String key) {
    if (running.remove(key) && running.isEmpty()) {
      synchronized (running) {
        running.notifyAll();
      }
    }
  }

  /** How many step attempts are running now. */
  public int running() {
    return running.size();
  }

  /** Whether the server is stopping and waiting for running steps. */
  public boolean draining() {
    return draining;
  }

  @Override
  public void start() {
    started = true;
  }

  @Override
  public void stop() {
    draining = true;
    long deadline = System.nanoTime() + grace.toNanos();
    synchronized (running) {
      while (!running.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          LOG.warn(
              "{} step(s) still running after {}: cut off; they run again on the next start",
              running.size(),
              grace);
          break;
        }
        try {
          running.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    started = false;
  }

  @Override
  public boolean isRunning() {
    return started;
  }

  /** Stops after the web server (whose graceful shutdown is at a higher phase). */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }
}
