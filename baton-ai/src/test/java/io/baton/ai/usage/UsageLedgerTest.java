package io.baton.ai.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The sums under parallel calls, and what a long-lived process keeps of the runs that ended. */
class UsageLedgerTest {
  private static final Usage ONE_CALL = new Usage(1, 100, 20, 0.5);

  @Test
  void theSumsOfOnlyTheMostRecentlyEndedRunsAreKept() {
    UsageLedger ledger = new UsageLedger(Budget.UNLIMITED, Budget.UNLIMITED, 2);
    for (String run : new String[] {"a", "b", "c"}) {
      ledger.recordCall(run + "/s/1#1", run, "s", "writer", ONE_CALL);
      ledger.runEnded(run);
    }

    assertThat(ledger.run("a")).as("the oldest ended run is dropped").isEqualTo(Usage.NONE);
    assertThat(ledger.step("a", "s")).isEqualTo(Usage.NONE);
    assertThat(ledger.agentInRun("a", "writer")).isEqualTo(Usage.NONE);
    assertThat(ledger.run("b")).isEqualTo(ONE_CALL);
    assertThat(ledger.step("c", "s")).isEqualTo(ONE_CALL);
    assertThat(ledger.agentInRun("c", "writer")).isEqualTo(ONE_CALL);
    assertThat(ledger.agent("writer"))
        .as("an agent's total over all runs stays")
        .isEqualTo(ONE_CALL.plus(ONE_CALL).plus(ONE_CALL));
  }

  @Test
  void aRunStillGoingKeepsItsCallsSoAReplayIsNotCountedTwice() {
    UsageLedger ledger = new UsageLedger(Budget.UNLIMITED, Budget.UNLIMITED, 0);
    ledger.recordCall("r/s/1#1", "r", "s", null, ONE_CALL);
    ledger.recordReplayed("r/s/1#1", "r", "s", null, ONE_CALL);
    assertThat(ledger.run("r")).isEqualTo(ONE_CALL);

    ledger.runEnded("r");
    assertThat(ledger.run("r")).as("nothing kept of ended runs").isEqualTo(Usage.NONE);
    ledger.recordReplayed("r/s/1#1", "r", "s", null, ONE_CALL);
    assertThat(ledger.run("r")).as("its call ids were let go with it").isEqualTo(ONE_CALL);
  }

  @Test
  void aNegativeNumberOfEndedRunsIsRefused() {
    assertThatThrownBy(() -> new UsageLedger(Budget.UNLIMITED, Budget.UNLIMITED, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endedRunsKept");
  }

  @Test
  void parallelCallsOfOneRunAndAgentAddUpExactly() throws Exception {
    UsageLedger ledger = new UsageLedger(Budget.UNLIMITED, Budget.UNLIMITED);
    int threads = 8;
    int callsEach = 500;
    Usage call = new Usage(1, 3, 2, 0.25);
    try (var pool = Executors.newFixedThreadPool(threads)) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String step = "calls/" + t;
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < callsEach; i++) {
                    ledger.recordCall(step + "#" + i, "r", step, "writer", call);
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    }

    int calls = threads * callsEach;
    Usage all = new Usage(calls, 3L * calls, 2L * calls, 0.25 * calls);
    assertThat(ledger.run("r")).isEqualTo(all);
    assertThat(ledger.agentInRun("r", "writer")).isEqualTo(all);
    assertThat(ledger.agent("writer")).isEqualTo(all);
    assertThat(ledger.step("r", "calls/3"))
        .isEqualTo(new Usage(callsEach, 3L * callsEach, 2L * callsEach, 0.25 * callsEach));
    assertThat(ledger.step("r", "calls/9")).isEqualTo(Usage.NONE);
  }
}
