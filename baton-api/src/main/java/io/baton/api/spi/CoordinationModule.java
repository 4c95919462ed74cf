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
}
