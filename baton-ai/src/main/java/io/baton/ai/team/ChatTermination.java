package io.baton.ai.team;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.ExpressionDialect;
import io.baton.api.spi.ExpressionException;
import io.baton.engine.expression.CelDialect;
import io.baton.engine.expression.Expressions;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code until} condition of a group chat: a CEL expression over the transcript, {@code turns}
 * (each with {@code turn}, {@code agent}, {@code text}, {@code json}, {@code usage}) and {@code
 * last} (the latest turn), checked after every turn.
 */
final class ChatTermination {
  private static final CelDialect CEL = new CelDialect(Set.of("turns", "last"));

  private final String step;
  private final String source;
  private final ExpressionDialect.Compiled condition;

  private ChatTermination(String step, String source, ExpressionDialect.Compiled condition) {
    this.step = step;
    this.source = source;
    this.condition = condition;
  }

  /**
   * The condition of group-chat step {@code step}, or null when it has none.
   *
   * @throws StepException of kind {@code expression} when it does not compile
   */
  static ChatTermination of(String step, String source) {
    if (source == null) {
      return null;
    }
    try {
      return new ChatTermination(step, source, CEL.compile(source));
    } catch (ExpressionException e) {
      throw failure(step, source, e);
    }
  }

  /** Whether the chat should end after {@code turns}. */
  boolean holds(List<Map<String, Object>> turns) {
    try {
      return Expressions.truthy(
          condition.evaluate(Map.of("turns", turns, "last", turns.getLast())));
    } catch (ExpressionException e) {
      throw failure(step, source, e);
    }
  }

  private static StepException failure(String step, String source, ExpressionException e) {
    return new StepException(
        ErrorKind.EXPRESSION,
        "group-chat step '" + step + "': until '" + source + "': " + e.getMessage());
  }
}
