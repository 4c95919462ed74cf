package io.baton.api.definition;

/**
 * Calls an operation of a coordination module ({@code context}, {@code plan}, …) with the step's
 * input as parameters. Operation names match in any style: {@code create-context}, {@code
 * createContext}, {@code create_context}.
 *
 * @param module the module's name
 * @param operation the operation's name
 */
public record ModuleStep(StepCommon common, String module, String operation) implements StepDef {
  @Override
  public String type() {
    return "module";
  }

  @Override
  public ModuleStep withCommon(StepCommon c) {
    return new ModuleStep(c, module, operation);
  }
}
