package io.baton.ai.agent;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.baton.ai.internal.JsonCodec;
import java.util.List;
import java.util.Map;

/**
 * Checks a model's answer against an output schema (JSON Schema draft 2020-12), and writes the
 * instructions that ask for it and the repair request when it does not match.
 */
public final class StructuredOutput {
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private final Map<String, Object> schema;
  private final Schema validator;

  /** Answers are checked against {@code schema}. */
  public StructuredOutput(Map<String, Object> schema) {
    this.schema = schema;
    this.validator = SCHEMAS.getSchema(JsonCodec.tree(schema));
  }

  /** What the model is told so that it answers in JSON. */
  public String instructions() {
    return "Answer with only a JSON value (no prose, no code fence) that matches this JSON Schema:\n"
        + JsonCodec.write(schema);
  }

  /**
   * Reads and checks an answer.
   *
   * @return the value and the problems found (none: it matches)
   */
  public Checked check(String answer) {
    Object value = JsonCodec.extract(answer);
    if (value == null) {
      return new Checked(
          null, List.of("the answer is not JSON: " + JsonCodec.abbreviate(String.valueOf(answer))));
    }
    List<Error> errors = validator.validate(JsonCodec.tree(value));
    return new Checked(
        value, errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList());
  }

  /** What the model is told when its answer does not match. */
  public String repairRequest(List<String> problems) {
    return "Your answer does not match the required JSON Schema: "
        + String.join("; ", problems)
        + ". Answer again with only the corrected JSON.";
  }

  /**
   * An answer read as JSON and checked.
   *
   * @param value the JSON value, or null when the answer was not JSON
   * @param problems what does not match; empty when it matches
   */
  public record Checked(Object value, List<String> problems) {
    /** Whether the answer matches. */
    public boolean valid() {
      return problems.isEmpty();
    }
  }
}
