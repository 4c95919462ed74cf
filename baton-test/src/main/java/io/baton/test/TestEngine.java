package io.baton.test;

import io.baton.engine.Baton;
import io.baton.engine.BatonBuilder;
import java.util.function.UnaryOperator;

/**
 * A Baton engine for tests: in-memory stores, a {@link FakeClock}, sequential run ids.
 *
 * <pre>{@code
 * TestEngine t = TestEngine.create(b -> b.tool("echo", "echoes", (args, ctx) -> args));
 * RunView done = t.baton().start(flow, Map.of()).await(Duration.ofSeconds(5));
 * }</pre>
 */
public final class TestEngine implements AutoCloseable {
  private final FakeClock clock;
  private final Baton baton;

  private TestEngine(FakeClock clock, Baton baton) {
    this.clock = clock;
    this.baton = baton;
  }

  /** An engine configured further by {@code configure}. */
  public static TestEngine create(UnaryOperator<BatonBuilder> configure) {
    FakeClock clock = new FakeClock();
    BatonBuilder builder = Baton.builder().clock(clock).ids(new SequentialIds());
    return new TestEngine(clock, configure.apply(builder).build());
  }

  /** An engine with nothing registered. */
  public static TestEngine create() {
    return create(b -> b);
  }

  /** The engine. */
  public Baton baton() {
    return baton;
  }

  /** Its clock. */
  public FakeClock clock() {
    return clock;
  }

  @Override
  public void close() {
    baton.close();
  }
}
