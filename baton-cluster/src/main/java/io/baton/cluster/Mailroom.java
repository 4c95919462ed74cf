package io.baton.cluster;

import io.baton.engine.RunNotFoundException;
import io.baton.engine.runtime.NodePort;
import io.baton.engine.runtime.RunLetter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings this node what other nodes sent it: mail for the runs it owns, outcomes of their steps
 * (wherever they ran), and answers to mail it sent. A row is removed only once the run has made
 * what it caused durable, so a node that dies meanwhile leaves it for the node that takes the run
 * over (handling a letter twice is harmless: answers and controls apply once, wake-ups are idle).
 */
final class Mailroom {
  private static final Logger LOG = LoggerFactory.getLogger(Mailroom.class);
  private static final int BATCH = 500;

  /** A run that does not make a letter durable within this time gets it again. */
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final Inbox inbox;
  private final TaskQueue tasks;
  private final Worker worker;
  private final ExecutorService after = Executors.newVirtualThreadPerTaskExecutor();
  private final Set<Long> mailInFlight = ConcurrentHashMap.newKeySet();
  private final Set<Long> resultsInFlight = ConcurrentHashMap.newKeySet();
  private final Map<Long, CompletableFuture<Boolean>> awaiting = new ConcurrentHashMap<>();
  private volatile NodePort port;

  Mailroom(Inbox inbox, TaskQueue tasks, String nodeId) {
    this.inbox = inbox;
    this.tasks = tasks;
    this.worker = new Worker("baton-cluster-mail-" + nodeId, this::round, LOG);
  }

  void start(NodePort port) {
    this.port = port;
    worker.start();
  }

  void kick() {
    worker.kick();
  }

  /** {@code reply} completes with the answer to mail {@code messageId} when its owner sends it. */
  void await(long messageId, CompletableFuture<Boolean> reply) {
    awaiting.put(messageId, reply);
    kick(); // the answer may have come before this
  }

  /** One round: everything waiting, in order. */
  void round() {
    for (Inbox.Pending mail : inbox.pending(BATCH)) {
      if (mailInFlight.add(mail.messageId())) {
        deliverMail(mail);
      }
    }
    for (TaskQueue.Result result : tasks.results(BATCH)) {
      if (resultsInFlight.add(result.taskId())) {
        deliverResult(result);
      }
    }
    if (!awaiting.isEmpty()) {
      for (Inbox.Reply reply : inbox.replies(List.copyOf(awaiting.keySet()))) {
        CompletableFuture<Boolean> waiter = awaiting.remove(reply.messageId());
        if (waiter == null) {
          continue; // its sender restarted since: nobody waits any more
        }
        if (reply.error() == null) {
          waiter.complete(reply.ok());
        } else {
          waiter.completeExceptionally(new IllegalArgumentException(reply.error()));
        }
      }
    }
  }

  private void deliverMail(Inbox.Pending mail) {
    CompletableFuture<Boolean> done;
    try {
      done = port.deliver(mail.runId(), Json.read(mail.letterJson(), RunLetter.class));
    } catch (RunNotFoundException e) {
      done = CompletableFuture.failedFuture(e);
    } catch (RuntimeException e) {
      mailInFlight.remove(mail.messageId());
      throw e;
    }
    done.orTimeout(PATIENCE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        .whenCompleteAsync(
            (ok, error) -> {
              try {
                if (error instanceof java.util.concurrent.TimeoutException) {
                  return; // tried again at the next round
                }
                inbox.handled(mail, error == null && ok, error == null ? null : message(error));
              } catch (RuntimeException e) {
                LOG.warn("could not settle mail {}: {}", mail.messageId(), e.toString());
              } finally {
                mailInFlight.remove(mail.messageId());
              }
            },
            after);
  }

  private static String message(Throwable error) {
    Throwable cause =
        error instanceof java.util.concurrent.CompletionException && error.getCause() != null
            ? error.getCause()
            : error;
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }

  private void deliverResult(TaskQueue.Result result) {
    CompletableFuture<Boolean> done;
    try {
      RunLetter letter =
          RunLetter.taskEnded(
              result.path(),
              result.attempt(),
              result.answered(),
              result.outcome().result(),
              result.outcome().failure());
      done = port.deliver(result.runId(), letter);
    } catch (RunNotFoundException e) {
      done = CompletableFuture.completedFuture(false); // the run was deleted: drop the outcome
    } catch (RuntimeException e) {
      resultsInFlight.remove(result.taskId());
      throw e;
    }
    done.orTimeout(PATIENCE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        .whenCompleteAsync(
            (ok, error) -> {
              try {
                if (error == null) {
                  tasks.delete(result.taskId());
                }
              } catch (RuntimeException e) {
                LOG.warn("could not remove step outcome {}: {}", result.taskId(), e.toString());
              } finally {
                resultsInFlight.remove(result.taskId());
              }
            },
            after);
  }

  void close() {
    worker.close();
    after.shutdown();
  }
}
