package io.baton.bench;

import io.baton.api.spi.ExecutionMode;
import io.baton.api.spi.RunListener;
import io.baton.api.spi.StepContext;
import io.baton.api.spi.StepExecutor;
import io.baton.api.store.StoreBackend;
import io.baton.engine.Baton;
import io.baton.engine.BatonBuilder;
import io.baton.engine.config.EngineConfig;
import java.time.Duration;
import java.util.Map;

/**
 * The trivial handlers the workloads run, and the engine they are registered with: in-memory stores
 * (journal on), the system clock, random run ids — the defaults of {@link Baton#builder()}.
 */
final class BenchSteps {
  /** Tool: returns {@code n + 1}, on a virtual thread. */
  static final String INCREMENT_TOOL = "bench_inc";

  /** Custom step type: returns {@code n + 1}, inline on the decider. */
  static final String INCREMENT_INLINE = "bench_inc_inline";

  /** Tool: waits {@link #DELAY} (parking its virtual thread), then returns {@code value}. */
  static final String DELAY_TOOL = "bench_delay";

  /** Custom step type: sums the numbers in {@code values}, inline. */
  static final String SUM_INLINE = "bench_sum";

  /** The simulated latency of a model or HTTP call in W2. */
  static final Duration DELAY = Duration.ofMillis(20);

  private BenchSteps() {}

  /** An engine with the bench handlers, {@code config}, and {@code listener} if not null. */
  static Baton engine(EngineConfig config, RunListener listener) {
    return engine(config, listener, null);
  }

  /** The same, on {@code stores} (in memory when null). */
  static Baton engine(EngineConfig config, RunListener listener, StoreBackend stores) {
    BatonBuilder builder =
        Baton.builder()
            .config(config)
            .tool(INCREMENT_TOOL, "adds one to n", (args, ctx) -> increment(ctx))
            .tool(DELAY_TOOL, "waits, then returns value", (args, ctx) -> delay(args))
            .step(
                StepExecutor.of(INCREMENT_INLINE, ExecutionMode.INLINE, (s, ctx) -> increment(ctx)))
            .step(
                StepExecutor.of(
                    SUM_INLINE,
                    ExecutionMode.INLINE,
                    (s, ctx) -> Sums.sum(ctx.inputMap().get("values"), ctx.path())));
    if (listener != null) {
      builder.listener(listener);
    }
    if (stores != null) {
      builder.stores(stores);
    }
    return builder.build();
  }

  /** {@code n + 1} for a step whose input is {@code {"n": <number>}}. */
  static long increment(StepContext ctx) {
    Object n = ctx.inputMap().get("n");
    if (!(n instanceof Number number)) {
      throw new IllegalArgumentException(
          "step " + ctx.path() + " expected a number n in its input, but got " + ctx.input());
    }
    return number.longValue() + 1;
  }

  private static Object delay(Map<String, Object> args) throws InterruptedException {
    Thread.sleep(DELAY);
    return args.get("value");
  }
}
