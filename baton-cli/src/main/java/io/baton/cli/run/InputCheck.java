package io.baton.cli.run;

import io.baton.engine.schema.JsonSchemaCheck;
import java.util.List;
import java.util.Map;

/**
 * Checks a run's inputs against the workflow's {@code inputs} JSON Schema before the run starts,
 * after filling in the {@code default}s of the schema's top-level properties, so that a missing or
 * mistyped input is reported with every problem at once (exit 2) rather than as the engine's
 * exception.
 */
public final class InputCheck {
  private InputCheck() {}

  /** {@code inputs} with the defaults of {@code schema}'s properties added where one is missing. */
  public static Map<String, Object> withDefaults(
      Map<String, Object> schema, Map<String, Object> inputs) {
    return JsonSchemaCheck.withDefaults(schema, inputs);
  }

  /**
   * What is wrong with {@code inputs}, one line per problem naming the input by its JSON pointer;
   * empty when they are valid or the schema is empty.
   */
  public static List<String> problems(Map<String, Object> schema, Map<String, Object> inputs) {
    return JsonSchemaCheck.problems(schema, inputs).stream().map(p -> "input " + p).toList();
  }
}
