package io.baton.engine.expression;

import java.util.List;
import java.util.Map;

/**
 * A quick, manual measurement of per-call evaluation cost (not a test, not a JMH benchmark): run
 * its {@code main} with the test classpath. Prints nanoseconds per call after warm-up, best of
 * several rounds.
 */
public final class EvaluationCostMain {
  private static final int CALLS = 200_000;
  private static final int ROUNDS = 10;
  private static volatile Object sink;

  private EvaluationCostMain() {}

  public static void main(String[] args) {
    Expressions expressions = Expressions.defaults();
    Map<String, Object> output = Map.of("tasks", List.of("a", "b"), "planId", "p-1", "score", 7);
    Map<String, Object> vars =
        Map.of(
            "inputs", Map.of("goal", "ship", "amount", 150),
            "steps", Map.of("plan-creation", Map.of("output", output, "status", "COMPLETED")),
            "result", "A");

    Template path = expressions.template("${plan-creation.result.planId}");
    Template text =
        expressions.template("Plan ${steps.plan-creation.output.planId} for ${inputs.goal}");
    Template map =
        expressions.template(
            Map.of("id", "${plan-creation.result.planId}", "goal", "${inputs.goal}"));
    Condition cel =
        expressions.condition(
            "cel", "inputs.amount > 100 && steps['plan-creation'].status == 'COMPLETED'");
    Condition celSimple = expressions.condition("cel", "result == 'A'");
    Condition js =
        expressions.condition(
            "javascript", "inputs.amount > 100 && steps['plan-creation'].status === 'COMPLETED'");
    Condition jsSimple = expressions.condition("javascript", "result === \"A\"");

    report("template, whole-string path (alias)", () -> sink = path.render(vars));
    report("template, text with two paths", () -> sink = text.render(vars));
    report("template, map of two paths", () -> sink = map.render(vars));
    report("cel condition: result == 'A'", () -> sink = celSimple.test(vars));
    report("cel condition: two fields, &&", () -> sink = cel.test(vars));
    report("javascript condition: result === \"A\"", () -> sink = jsSimple.test(vars));
    report("javascript condition: two fields, &&", () -> sink = js.test(vars));
    report("compile cache hit", () -> sink = expressions.compile("inputs.amount > 100"));
  }

  private static void report(String name, Runnable call) {
    long best = Long.MAX_VALUE;
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < CALLS; i++) {
        call.run();
      }
      best = Math.min(best, (System.nanoTime() - start) / CALLS);
    }
    System.out.printf("%-42s %6d ns/call%n", name, best);
  }
}
