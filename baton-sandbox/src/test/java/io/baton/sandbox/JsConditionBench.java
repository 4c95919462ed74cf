package io.baton.sandbox;

import io.baton.api.spi.ExpressionDialect;
import io.baton.engine.expression.JavaScriptDialect;
import java.time.Duration;
import java.util.Map;

/**
 * What a {@code javascript} condition costs on the GraalJS sandbox (a fresh context per evaluation)
 * against the engine's CEL-translated subset, the same condition and variables. Prints {@code
 * RESULT} lines; run it with {@code ./mvnw -o -q -pl baton-sandbox exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=io.baton.sandbox.JsConditionBench} after a build.
 */
public final class JsConditionBench {
  private JsConditionBench() {}

  public static void main(String[] args) {
    String condition = "result === \"A\" && inputs.amount > 1000";
    Map<String, Object> variables = Map.of("result", "A", "inputs", Map.of("amount", 1500));
    try (GraalScriptRunner runner = new GraalScriptRunner()) {
      var sandbox =
          new SandboxJavaScriptDialect(() -> runner, Duration.ofSeconds(1)).compile(condition);
      var subset = new JavaScriptDialect().compile(condition);
      report("sandbox", sandbox, variables, 50, 500);
      report("cel-subset", subset, variables, 2_000, 50_000);
    }
  }

  private static void report(
      String dialect,
      ExpressionDialect.Compiled compiled,
      Map<String, Object> variables,
      int warmUp,
      int runs) {
    for (int i = 0; i < warmUp; i++) {
      compiled.evaluate(variables);
    }
    long start = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      if (!Boolean.TRUE.equals(compiled.evaluate(variables))) {
        throw new IllegalStateException(dialect + " evaluated the condition wrongly");
      }
    }
    double micros = (System.nanoTime() - start) / 1_000.0 / runs;
    System.out.printf(
        "RESULT workload=js-condition dialect=%s metric=mean-evaluation value=%.1f unit=us%n",
        dialect, micros);
  }
}
