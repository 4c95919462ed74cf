package io.baton.api.spi;

import java.util.Map;

/**
 * A tool that {@code tool} steps (and, later, agents) call by name.
 *
 * <pre>{@code
 * Tool.of("add", "Adds two numbers", Map.of(), (args, ctx) -> ((Number) args.get("a")).intValue() + 1);
 * }</pre>
 */
public interface Tool {

  /** The name steps use. */
  String name();

  /** What it does, for people and models. */
  String description();

  /** A JSON Schema of its arguments (empty: anything). */
  Map<String, Object> parameters();

  /** Calls the tool. {@code context.idempotencyKey()} identifies the attempt. */
  Object invoke(Map<String, Object> arguments, StepContext context) throws Exception;

  /** The body of a tool given as a lambda. */
  @FunctionalInterface
  interface Invoker {
    /** Calls the tool. */
    Object invoke(Map<String, Object> arguments, StepContext context) throws Exception;
  }

  /** A tool from a name, a description, a parameter schema and a lambda. */
  static Tool of(String name, String description, Map<String, Object> parameters, Invoker invoker) {
    return new Tool() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return description;
      }

      @Override
      public Map<String, Object> parameters() {
        return parameters;
      }

      @Override
      public Object invoke(Map<String, Object> arguments, StepContext context) throws Exception {
        return invoker.invoke(arguments, context);
      }
    };
  }
}
