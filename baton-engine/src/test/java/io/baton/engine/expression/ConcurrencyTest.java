package io.baton.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Many threads sharing compiled expressions and templates must each see their own variables'
 * results.
 */
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int ROUNDS = 2_000;

  @Test
  void sharedCompiledExpressionsAndTemplatesAreThreadSafe() throws Exception {
    Expressions expressions = Expressions.defaults();
    Condition cel =
        expressions.condition("cel", "inputs.n % 2 == 0 && steps.s.output.n == inputs.n");
    Condition js =
        expressions.condition("javascript", "inputs.n % 2 === 0 && s.result.n === inputs.n");
    Template template =
        expressions.template(Map.of("n", "${s.result.n}", "text", "n=${inputs.n * 10}"));
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int offset = t * ROUNDS;
      tasks.add(
          () -> {
            int checked = 0;
            for (int i = offset; i < offset + ROUNDS; i++) {
              Map<String, Object> vars =
                  Map.of(
                      "inputs",
                      Map.of("n", i),
                      "steps",
                      Map.of("s", Map.of("output", Map.of("n", i))));
              boolean even = i % 2 == 0;
              assertThat(cel.test(vars)).isEqualTo(even);
              assertThat(js.test(vars)).isEqualTo(even);
              assertThat(template.render(vars)).isEqualTo(Map.of("n", i, "text", "n=" + (i * 10L)));
              assertThat(expressions.compile("inputs.n + " + (i % 50)).evaluate(vars))
                  .isEqualTo(i + (long) (i % 50));
              checked++;
            }
            return checked;
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      int total = 0;
      for (Future<Integer> result : pool.invokeAll(tasks)) {
        total += result.get();
      }
      assertThat(total).isEqualTo(THREADS * ROUNDS);
    } finally {
      pool.shutdownNow();
    }
  }
}
