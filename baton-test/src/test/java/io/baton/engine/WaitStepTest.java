package io.baton.engine;

import static io.baton.engine.Flows.flow;
import static io.baton.engine.Flows.map;
import static io.baton.engine.Flows.step;
import static io.baton.engine.Flows.tool;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.EventStep;
import io.baton.api.definition.EventWait;
import io.baton.api.definition.WaitStep;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.PublishedEvent;
import io.baton.api.run.RunEvent.StepWaiting;
import io.baton.api.run.RunEvent.WaitResolved;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepStatus;
import io.baton.api.run.WaitKind;
import io.baton.api.spi.RunListener;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** wait steps (duration, until, event with correlation key and timeout) and event steps. */
class WaitStepTest extends EngineTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @BeforeEach
  void setUp() {
    engine(b -> b.tool("echo", "echo", (args, ctx) -> args));
  }

  private static WaitStep waitFor(Duration duration) {
    return new WaitStep(step("w").build(), duration, null, null);
  }

  private static WaitStep waitForEvent(String event, String key, Duration timeout) {
    return new WaitStep(step("w").timeout(timeout).build(), null, null, new EventWait(event, key));
  }

  @Test
  void aDurationWaitHoldsTheRunUntilTheClockPassesIt() {
    var wf =
        flow(
            "nap",
            waitFor(Duration.ofHours(1)),
            tool("after", "echo", map("woke", "${steps.w.output.firedAt}"), "w"));
    var run = baton.start(wf, Map.of());

    RunView waiting = waitForStatus(run.id(), RunStatus.WAITING);
    assertThat(stepIn(waiting, "w").status()).isEqualTo(StepStatus.WAITING);
    StepWaiting w = log.await(run.id(), StepWaiting.class, e -> true);
    assertThat(w.kind()).isEqualTo(WaitKind.TIMER);
    assertThat(w.deadline()).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(clock.pendingTimers()).contains(T0.plus(Duration.ofHours(1)));

    clock.advance(Duration.ofMinutes(59));
    RunView stillWaiting = baton.status(run.id());
    assertThat(stillWaiting.status()).isEqualTo(RunStatus.WAITING);
    assertThat(stillWaiting.step("after")).isNull();

    clock.advance(Duration.ofMinutes(1));
    RunView done = awaitEnd(run.id());
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "w").output()).isEqualTo(Map.of("firedAt", "2026-01-01T01:00:00Z"));
    assertThat(stepIn(done, "w").endedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(done.outputs()).isEqualTo(Map.of("woke", "2026-01-01T01:00:00Z"));
  }

  @Test
  void anUntilWaitEndsAtTheGivenInstant() {
    var wf = flow("until", new WaitStep(step("w").build(), null, "${inputs.at}", null));
    var run = baton.start(wf, Map.of("at", "2026-01-01T05:00:00Z"));
    waitForStatus(run.id(), RunStatus.WAITING);

    clock.advance(Duration.ofHours(4).plusMinutes(59));
    assertThat(baton.status(run.id()).status()).isEqualTo(RunStatus.WAITING);
    clock.advance(Duration.ofMinutes(1));
    RunView done = awaitEnd(run.id());
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "w").output()).isEqualTo(Map.of("firedAt", "2026-01-01T05:00:00Z"));
  }

  @Test
  void anUntilInThePastEndsAtOnce() {
    var wf = flow("past", new WaitStep(step("w").build(), null, "${inputs.at}", null));
    RunView done = run(wf, Map.of("at", "2025-12-31T00:00:00Z"));
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "w").output()).isEqualTo(Map.of("firedAt", "2025-12-31T00:00:00Z"));
  }

  @Test
  void anUntilThatIsNotAnInstantFailsWithBadInput() {
    var wf = flow("bad", new WaitStep(step("w").build(), null, "${inputs.at}", null));
    RunView done = run(wf, Map.of("at", "tomorrow"));
    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failure().kind()).isEqualTo(ErrorKind.BAD_INPUT);
    assertThat(done.failure().message()).contains("ISO-8601").contains("'tomorrow'");
  }

  @Test
  void anEventWaitWakesOnlyForTheRightEventAndCorrelationKey() {
    var wf = flow("paid", waitForEvent("order.paid", "${inputs.orderId}", null));
    var run = baton.start(wf, Map.of("orderId", "A1"));
    RunView waiting = waitForStatus(run.id(), RunStatus.WAITING);
    assertThat(stepIn(waiting, "w").input())
        .isEqualTo(Map.of("event", "order.paid", "correlationKey", "A1"));

    assertThat(baton.signal("order.paid", "B2", Map.of("amount", 1))).isZero();
    assertThat(baton.signal("order.shipped", "A1", Map.of("amount", 2))).isZero();
    assertThat(baton.status(run.id()).status()).isEqualTo(RunStatus.WAITING);

    assertThat(baton.signal("order.paid", "A1", Map.of("amount", 5))).isEqualTo(1);
    RunView done = awaitEnd(run.id());
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(done, "w").output()).isEqualTo(Map.of("amount", 5L));
    assertThat(log.events(run.id(), WaitResolved.class))
        .singleElement()
        .satisfies(r -> assertThat(r.by()).isEqualTo("signal"));
    assertThat(baton.signal("order.paid", "A1", Map.of("amount", 6))).isZero();
  }

  @Test
  void anEventWaitWithoutAKeyTakesAnyKey() {
    var run = baton.start(flow("any", waitForEvent("ping", null, null)), Map.of());
    waitForStatus(run.id(), RunStatus.WAITING);
    assertThat(baton.signal("ping", "whatever", "pong")).isEqualTo(1);
    assertThat(awaitEnd(run.id()).outputs()).isEqualTo("pong");
  }

  @Test
  void anEventWaitTimesOut() {
    var wf = flow("late", waitForEvent("order.paid", "${inputs.orderId}", Duration.ofMinutes(10)));
    var run = baton.start(wf, Map.of("orderId", "A1"));
    waitForStatus(run.id(), RunStatus.WAITING);
    clock.advance(Duration.ofMinutes(9));
    assertThat(baton.status(run.id()).status()).isEqualTo(RunStatus.WAITING);

    clock.advance(Duration.ofMinutes(1));
    RunView done = awaitEnd(run.id());
    assertThat(done.status()).isEqualTo(RunStatus.FAILED);
    assertThat(done.failure().kind()).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(done.failure().message())
        .isEqualTo("no event 'order.paid' arrived in time for step 'w'");
    assertThat(stepIn(done, "w").endedAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    assertThat(baton.signal("order.paid", "A1", "too late")).isZero();
  }

  @Test
  void anEventStepOfOneRunWakesTheMatchingWaitOfAnother() {
    WorkflowDefinition waiter = flow("waiter", waitForEvent("go", "${inputs.key}", null));
    var emit =
        new EventStep(step("emit").build(), "go", map("from", "${inputs.name}"), "${inputs.key}");
    WorkflowDefinition emitter = flow("emitter", emit);

    var a = baton.start(waiter, Map.of("key", "k1"));
    var other = baton.start(waiter, Map.of("key", "k2"));
    waitForStatus(a.id(), RunStatus.WAITING);
    waitForStatus(other.id(), RunStatus.WAITING);

    RunView b = run(emitter, Map.of("name", "B", "key", "k1"));
    assertThat(b.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(b, "emit").output())
        .isEqualTo(Map.of("event", "go", "data", Map.of("from", "B"), "correlationKey", "k1"));

    RunView woken = awaitEnd(a.id());
    assertThat(woken.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stepIn(woken, "w").output()).isEqualTo(Map.of("from", "B"));
    assertThat(log.events(a.id(), WaitResolved.class).getFirst().by())
        .isEqualTo("run " + b.runId());
    assertThat(baton.status(other.id()).status()).isEqualTo(RunStatus.WAITING);
  }

  @Test
  void anEventStepHandsWhatItPublishedToTheListenersOnce() throws Exception {
    var published = new java.util.concurrent.CompletableFuture<PublishedEvent>();
    java.util.List<PublishedEvent> all = new java.util.concurrent.CopyOnWriteArrayList<>();
    baton.addListener(
        new RunListener() {
          @Override
          public void onEvent(io.baton.api.run.JournalEntry entry) {}

          @Override
          public void onPublished(PublishedEvent event) {
            all.add(event);
            published.complete(event);
          }
        });
    var emit =
        new EventStep(step("emit").build(), "order.paid", map("n", "${inputs.n}"), "A${inputs.n}");

    RunView run = run(flow("emitter", emit), Map.of("n", 7));

    PublishedEvent event = published.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(event.id()).isEqualTo(run.runId() + "/emit/1");
    assertThat(event.runId()).isEqualTo(run.runId());
    assertThat(event.path()).isEqualTo("emit");
    assertThat(event.type()).isEqualTo("order.paid");
    assertThat(event.correlationKey()).isEqualTo("A7");
    assertThat(event.data()).isEqualTo(Map.of("n", 7));
    assertThat(event.at()).isEqualTo(clock.now());
    assertThat(all).hasSize(1);
  }

  @Test
  void withoutWakeOnPublishOnlyTheListenersReceiveWhatAnEventStepPublished() throws Exception {
    var published = new java.util.concurrent.CompletableFuture<PublishedEvent>();
    engine(
        b ->
            b.wakeOnPublish(false)
                .listener(
                    new RunListener() {
                      @Override
                      public void onEvent(io.baton.api.run.JournalEntry entry) {}

                      @Override
                      public void onPublished(PublishedEvent event) {
                        published.complete(event);
                      }
                    }));
    var waiting = baton.start(flow("waiter", waitForEvent("go", "k1", null)), Map.of());
    waitForStatus(waiting.id(), RunStatus.WAITING);

    run(flow("emitter", new EventStep(step("emit").build(), "go", null, "k1")), Map.of());

    assertThat(published.get(10, java.util.concurrent.TimeUnit.SECONDS).type()).isEqualTo("go");
    assertThat(baton.status(waiting.id()).status()).isEqualTo(RunStatus.WAITING);
    String waitId = log.await(waiting.id(), StepWaiting.class, e -> true).waitId();
    assertThat(baton.submitInput(waitId, "by hand", "test")).isTrue();
    assertThat(awaitEnd(waiting.id()).status()).isEqualTo(RunStatus.COMPLETED);
  }

  record Payment(String orderId, long amount) {}

  @Test
  void aSignalPayloadGivenAsARecordIsStoredAsJson() {
    var run = baton.start(flow("paid-record", waitForEvent("order.paid", null, null)), Map.of());
    waitForStatus(run.id(), RunStatus.WAITING);
    assertThat(baton.signal("order.paid", "A1", new Payment("A1", 5))).isEqualTo(1);
    assertThat(awaitEnd(run.id()).outputs()).isEqualTo(Map.of("orderId", "A1", "amount", 5L));
  }
}
