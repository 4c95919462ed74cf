package io.baton.api.spi;

import java.util.Map;
import java.util.Set;

/**
 * A coordination module ({@code context}, {@code plan}, {@code role}, …) whose operations {@code
 * module} steps call. Operation names are matched in any style: {@code create-context}, {@code
 * createContext} and {@code create_context} are the same operation.
 */
public interface CoordinationModule {

  /** The module's name, as written in {@code module:} fields. */
  String name();

  /** The operations it offers, in any naming style. */
  Set<String> operations();

  /**
   * Performs {@code operation} (as declared in {@link #operations()}) with the step's resolved
   * input.
   *
   * @return the operation's result, JSON-like
   */
  Object invoke(String operation, Map<String, Object> parameters, StepContext context)
      throws Exception;

  /** One operation of a module given as a lambda. */
  @FunctionalInterface
  interface Operation {
    /** Performs the operation with the step's resolved input. */
    Object invoke(Map<String, Object> parameters, StepContext context) throws Exception;
  }

  /**
   * A module from lambdas, one per operation.
   *
   * <pre>{@code
   * CoordinationModule.of("context", Map.of("create-context", (params, ctx) -> Map.of("contextId", "c-1")));
   * }</pre>
   */
  static CoordinationModule of(String name, Map<String, Operation> operations) {
    Map<String, Operation> ops = Map.copyOf(operations);
    return new CoordinationModule() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Set<String> operations() {
        return ops.keySet();
      }

      @Override
      public Object invoke(String operation, Map<String, Object> parameters, StepContext context)
          throws Exception {
        return ops.get(operation).invoke(parameters, context);
      }
    };
  }
}
