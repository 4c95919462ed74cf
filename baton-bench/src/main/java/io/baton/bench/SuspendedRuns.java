package io.baton.bench;

import io.baton.api.definition.HumanStep;
import io.baton.api.definition.StepCommon;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.spi.RunListener;
import io.baton.api.store.StoreBackend;
import io.baton.engine.Baton;
import io.baton.engine.config.EngineConfig;
import io.baton.engine.define.Workflow;
import io.baton.engine.store.StoreSet;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * W5 suspended: {@code runs} runs that each stop at a human step, then all resumed with an answer.
 * Two figures per store: the heap each suspended run holds (used heap after a full GC, with every
 * run waiting, minus the same before they started, over the number of runs — the engine keeps a
 * suspended run in the store, not in memory; with the in-memory store the store <em>is</em> the
 * heap), and answers per second from the first answer to the last run's end, with {@code answerers}
 * threads answering (as a server's request threads would).
 */
final class SuspendedRuns implements Workload {
  static final String ID = "W5";
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private final int runs;
  private final int answerers;

  SuspendedRuns(int runs, int answerers) {
    this.runs = runs;
    this.answerers = answerers;
  }

  /** The workload of {@code BENCHMARKS.md}: 10,000 runs, answered by 64 threads. */
  static SuspendedRuns standard() {
    return new SuspendedRuns(10_000, 64);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "suspended runs";
  }

  @Override
  public void run(Reporter reporter) throws Exception {
    if (BenchStore.Kind.memorySelected()) {
      measure(null, "memory", StoreSet.inMemory());
      measure(reporter, "memory", StoreSet.inMemory());
    }
    for (BenchStore.Kind kind : BenchStore.Kind.selected()) {
      try (BenchStore store = BenchStore.open(kind)) {
        measure(null, kind.key(), store.backend());
        store.empty();
        measure(reporter, kind.key(), store.backend());
      } catch (BenchStore.StoreMissingException e) {
        reporter.progress("%s store=%s skipped: %s", ID, kind.key(), e.getMessage());
      }
    }
  }

  /**
   * One cycle: start every run, measure the heap they hold waiting, answer them all. A first cycle
   * per store warms up (reporter null: nothing reported), so that the figures are not the JIT's —
   * the resume path runs only in this phase, and cold it measured half its warm rate.
   */
  private void measure(Reporter reporter, String store, StoreBackend backend) throws Exception {
    WorkflowDefinition flow =
        Workflow.define("w5-approval")
            .step(
                new HumanStep(
                    StepCommon.of("approve"), "Approve?", Map.of(), List.of(), null, null))
            .outputs("${steps.approve.output}")
            .build();
    Waits waits = new Waits(runs);
    CompletionLatch done = new CompletionLatch(runs, "yes");
    try (Baton baton = BenchSteps.engine(EngineConfig.DEFAULTS, listeners(waits, done), backend);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      baton.register(flow);
      long before = usedHeapAfterGc();
      startAll(baton, flow, threads);
      waits.await();
      long after = usedHeapAfterGc();
      double perRun = (after - before) / (double) runs;
      if (reporter == null) {
        answerAll(baton, waits.ids(), threads);
        done.await(ID, TIMEOUT);
        return;
      }
      reporter.progress("%s store=%s: %d runs waiting, %.0f bytes each", ID, store, runs, perRun);

      long t0 = System.nanoTime();
      long cpu0 = ProcessMeter.cpuNanos();
      answerAll(baton, waits.ids(), threads);
      done.await(ID, TIMEOUT);
      double resumesPerSecond = runs / ((System.nanoTime() - t0) / 1e9);
      double cpuUsPerResume = (ProcessMeter.cpuNanos() - cpu0) / 1e3 / runs;
      Map<String, String> variant = Map.of("runs", String.valueOf(runs));
      reporter.result(
          new Result(ID, store, "heap_bytes_per_run", single(perRun), "bytes", variant));
      reporter.result(
          new Result(
              ID,
              store,
              "resume_runs_per_s",
              single(resumesPerSecond),
              "runs/s",
              Map.of("runs", String.valueOf(runs), "answerers", String.valueOf(answerers))));
      if (ProcessMeter.supported()) {
        reporter.result(
            new Result(ID, store, "cpu_us_per_resume", single(cpuUsPerResume), "us", variant));
      }
    }
  }

  private void startAll(Baton baton, WorkflowDefinition flow, ExecutorService threads)
      throws Exception {
    parallel(threads, runs, i -> baton.start(flow, Map.of()));
  }

  private void answerAll(Baton baton, List<String> waitIds, ExecutorService threads)
      throws Exception {
    parallel(threads, waitIds.size(), i -> baton.submitInput(waitIds.get(i), "yes", "bench"));
  }

  /** Calls {@code task(0 … n-1)} spread over {@link #answerers} threads. */
  private void parallel(ExecutorService threads, int n, java.util.function.IntConsumer task)
      throws Exception {
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < answerers; t++) {
      int first = t;
      futures.add(
          threads.submit(
              () -> {
                for (int i = first; i < n; i += answerers) {
                  task.accept(i);
                }
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
  }

  private static RunListener listeners(RunListener a, RunListener b) {
    return entry -> {
      a.onEvent(entry);
      b.onEvent(entry);
    };
  }

  private static Stats single(double value) {
    return new Stats(value, value, value, 1);
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** Collects the wait ids of human steps as the runs suspend. */
  private static final class Waits implements RunListener {
    private final CountDownLatch remaining;
    private final Queue<String> ids = new ConcurrentLinkedQueue<>();

    Waits(int runs) {
      remaining = new CountDownLatch(runs);
    }

    @Override
    public void onEvent(JournalEntry entry) {
      if (entry.event() instanceof RunEvent.StepWaiting w) {
        ids.add(w.waitId());
        remaining.countDown();
      }
    }

    void await() throws InterruptedException {
      if (!remaining.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new WrongResultException(
            ID, "every run to reach its human step", remaining.getCount() + " did not");
      }
    }

    List<String> ids() {
      return List.copyOf(ids);
    }
  }
}
