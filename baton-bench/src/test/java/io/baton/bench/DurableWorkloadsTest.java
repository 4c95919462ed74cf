package io.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * W3 and the durable W4 at a tiny size, on H2 and the machine's PostgreSQL: every run computes its
 * result and each store prints its figures. Timings are never asserted.
 */
@Timeout(300)
class DurableWorkloadsTest {
  private static final Plan TINY = new Plan(0, 1);

  @Test
  void theDurableChainRunsOnEveryStore() throws Exception {
    String out = run(new DurableChain(20, TINY));

    for (String store : new String[] {"h2", "postgres"}) {
      for (String mode : new String[] {"inline", "virtual_thread"}) {
        assertThat(out)
            .contains("RESULT workload=W3 store=" + store + " metric=us_per_step")
            .containsPattern(
                "W3 store=" + store + " metric=us_per_step value=\\S+ unit=us mode=" + mode);
      }
    }
  }

  @Test
  void manyDurableRunsAllCompleteOnEveryStore() throws Exception {
    String out = run(new DurableManyRuns(60, 8, TINY));

    assertThat(out)
        .contains("RESULT workload=W4 store=h2 metric=runs_per_s")
        .contains("RESULT workload=W4 store=postgres metric=runs_per_s")
        .contains("starters=8");
  }

  private static String run(Workload workload) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    workload.run(new Reporter(print, new PrintStream(new ByteArrayOutputStream())));
    return out.toString(StandardCharsets.UTF_8);
  }
}
