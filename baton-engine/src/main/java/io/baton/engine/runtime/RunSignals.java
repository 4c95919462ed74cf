package io.baton.engine.runtime;

import io.baton.api.run.PublishedEvent;
import io.baton.api.spi.RunListener;
import io.baton.api.store.WaitRecord;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers from outside the runs: a person's or a system's answer to one wait, and events that wake
 * every run waiting for them with a correlation key. Values are checked to be JSON here, so that
 * the caller learns at once when one cannot become a step's output.
 */
public final class RunSignals {
  private static final Logger LOG = LoggerFactory.getLogger(RunSignals.class);
  private final RunEngine engine;
  private final RuntimeServices rt;

  RunSignals(RunEngine engine, RuntimeServices rt) {
    this.engine = engine;
    this.rt = rt;
  }

  /**
   * Answers wait {@code waitId}; completes with true when accepted, false when it had been answered
   * already.
   *
   * @throws io.baton.engine.RunNotFoundException when no open or past wait has this id
   */
  public CompletableFuture<Boolean> resolve(String waitId, Object value, String by) {
    Object answer = json(value, "the answer to wait " + waitId);
    Optional<WaitRecord> wait = rt.waits().find(waitId);
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    if (wait.isPresent()) {
      WaitRecord w = wait.get();
      engine.deliver(w.runId(), new Message.Resolve(w.path(), waitId, answer, by, done));
      return done;
    }
    // The waits' index is written just after the journal: a person who saw the question in the
    // run's view may answer before it is there. The run itself knows its open waits, and a step's
    // wait id starts with its run's id.
    String runId = runIdOf(waitId);
    if (runId == null || rt.runs().find(runId).filter(r -> !r.status().isTerminal()).isEmpty()) {
      return CompletableFuture.completedFuture(false);
    }
    engine.deliver(runId, new Message.Resolve(null, waitId, answer, by, done));
    return done;
  }

  private static String runIdOf(String waitId) {
    int colon = waitId.indexOf(':');
    return colon > 0 ? waitId.substring(0, colon) : null;
  }

  /**
   * An answer or an event's payload as JSON, like a handler's output (records and beans become
   * maps), since it becomes a step's output and goes into the journal; the caller learns at once
   * when it cannot be.
   */
  private static Object json(Object value, String what) {
    try {
      return io.baton.engine.executor.JsonValues.normalize(value);
    } catch (io.baton.api.run.StepException e) {
      throw new IllegalArgumentException(what + " is not JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Wakes the runs waiting for {@code event} with this correlation key; returns how many were
   * waiting.
   */
  public int signal(String event, String correlationKey, Object payload, String by) {
    Object data = json(payload, "the payload of event '" + event + "'");
    List<WaitRecord> waits = rt.waits().findByEvent(event, correlationKey);
    for (WaitRecord w : waits) {
      engine.deliver(
          w.runId(),
          new Message.Resolve(w.path(), w.waitId(), data, by, new CompletableFuture<>()));
    }
    return waits.size();
  }

  /**
   * An {@code event} step's event, durable: wakes the runs waiting for it here (unless the
   * application routes events itself) and tells the listeners.
   */
  void published(PublishedEvent event) {
    if (rt.wakeOnPublish()) {
      signal(event.type(), event.correlationKey(), event.data(), "run " + event.runId());
    }
    for (RunListener listener : rt.listeners()) {
      try {
        listener.onPublished(event);
      } catch (RuntimeException e) {
        LOG.warn("run listener {} failed on published event {}", listener, event.id(), e);
      }
    }
  }
}
