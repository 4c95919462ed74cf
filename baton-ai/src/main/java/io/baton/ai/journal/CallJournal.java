package io.baton.ai.journal;

import io.baton.api.spi.StepContext;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model and tool calls of one execution of a step's attempt, journaled through {@link
 * StepContext#record} so that a re-execution of the same attempt after a crash replays them instead
 * of calling the model (and paying for it) again.
 *
 * <p>Calls are named by kind, scope and number — {@code model/researcher/2} is the second model
 * call of agent {@code researcher} in this attempt — so that the names are the same on every
 * execution of the attempt, also when agents of a team run in parallel (each agent's calls follow
 * each other). A step whose context cannot journal (a test's, a tool's outside any run) simply
 * calls again.
 *
 * <pre>{@code
 * CallJournal journal = CallJournal.of(context);
 * String key = journal.nextKey("model", "writer");
 * Object earlier = journal.recorded(key);   // null on a first execution
 * }</pre>
 */
public final class CallJournal {
  private static final Logger LOG = LoggerFactory.getLogger(CallJournal.class);

  /**
   * One journal per execution: a re-execution gets a new context, so numbering starts again. Weak
   * keys, so a finished execution's journal goes with its context; striped by the context's
   * identity, because one lock for all was the most contended monitor of 1,000 concurrent agent
   * steps (W7).
   */
  private static final int STRIPES = 64;

  @SuppressWarnings("unchecked")
  private static final Map<StepContext, CallJournal>[] OPEN = new Map[STRIPES];

  static {
    for (int i = 0; i < STRIPES; i++) {
      OPEN[i] = Collections.synchronizedMap(new WeakHashMap<>());
    }
  }

  private final StepContext context;
  private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
  private volatile boolean durable = true;

  private CallJournal(StepContext context) {
    this.context = context;
  }

  /** The journal of the execution {@code context} belongs to. */
  public static CallJournal of(StepContext context) {
    return OPEN[System.identityHashCode(context) & (STRIPES - 1)].computeIfAbsent(
        context, CallJournal::new);
  }

  /** The name of the next call of {@code kind} ({@code model}, {@code tool}) in {@code scope}. */
  public String nextKey(String kind, String scope) {
    String prefix = kind + "/" + (scope == null || scope.isBlank() ? "-" : scope);
    return prefix
        + "/"
        + counters.computeIfAbsent(prefix, k -> new AtomicInteger()).incrementAndGet();
  }

  /** What an earlier execution of the attempt recorded under {@code key}, or null. */
  public Object recorded(String key) {
    return context.recorded(key);
  }

  /**
   * Journals a call's result; returns once it is durable. Does nothing (after one debug line) when
   * the context cannot journal.
   */
  public void record(String key, Object value) {
    if (!durable) {
      return;
    }
    try {
      context.record(key, value);
    } catch (UnsupportedOperationException e) {
      durable = false;
      LOG.debug("step {}: calls are not journaled ({})", context.path(), e.getMessage());
    }
  }

  /** The idempotency key of the call named {@code key}: the attempt's, then the call's name. */
  public String idempotencyKey(String key) {
    return context.idempotencyKey() + "/" + key;
  }
}
