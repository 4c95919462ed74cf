package io.baton.modules.internal;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.engine.executor.Registry;
import io.baton.engine.language.internal.NearestName;
import io.baton.modules.spi.MplpModule;
import java.util.Collection;
import java.util.Map;

/**
 * Finds modules and operations by name in any naming style ({@code create-context}, {@code
 * createContext}, {@code create_context}), and says what exists, with a "did you mean", when a name
 * matches nothing.
 */
public final class OperationLookup {
  private OperationLookup() {}

  /** The name as matched: lower case, without {@code -}, {@code _} or spaces. */
  public static String loose(String name) {
    return Registry.looseName(name);
  }

  /** The module's operation named {@code operation} in any style. */
  public static MplpModule.OperationSpec operation(MplpModule module, String operation) {
    String wanted = loose(operation);
    for (Map.Entry<String, MplpModule.OperationSpec> e : module.operations().entrySet()) {
      if (loose(e.getKey()).equals(wanted)) {
        return e.getValue();
      }
    }
    throw new StepException(
        ErrorKind.NOT_FOUND,
        "module '"
            + module.name()
            + "' has no operation '"
            + operation
            + "'"
            + hint(operation, module.operations().keySet())
            + "; its operations are "
            + module.operations().keySet());
  }

  /** The error for a module name that matches no registered module. */
  public static StepException noModule(String name, Collection<String> registered) {
    return new StepException(
        ErrorKind.NOT_FOUND,
        "no module named '"
            + name
            + "' is registered on the hub"
            + hint(name, registered)
            + "; registered modules: "
            + registered);
  }

  private static String hint(String wrong, Collection<String> candidates) {
    String hint = NearestName.hint(wrong, candidates);
    return hint == null ? "" : " (" + hint + ")";
  }
}
