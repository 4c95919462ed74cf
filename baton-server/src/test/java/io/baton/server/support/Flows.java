package io.baton.server.support;

/** Workflows the tests use, in YAML. */
public final class Flows {
  private Flows() {}

  private static final String GREETER =
      """
      id: %s
      name: Greeter
      description: says hello
      inputs:
        type: object
        properties:
          name: {type: string}
      steps:
        - id: greet
          type: tool
          tool: echo
          input:
            text: "Hello, ${inputs.name}"
      outputs:
        text: ${steps.greet.output.text}
      """;

  public static String greeter(String id) {
    return GREETER.formatted(id);
  }

  private static final String APPROVAL =
      """
      id: %s
      steps:
        - id: build
          type: tool
          tool: echo
          input: {artifact: "app-${inputs.release}.jar"}
        - id: approve
          type: human
          dependsOn: [build]
          prompt: "Ship ${inputs.release}?"
          form:
            type: object
            required: [approved]
            properties:
              approved: {type: boolean}
          timeout: 1h
        - id: ship
          type: tool
          tool: echo
          dependsOn: [approve]
          input: {approved: "${steps.approve.output.approved}"}
      outputs:
        approved: ${steps.ship.output.approved}
      """;

  /** A tool, a human approval with a form, and a tool that reads the answer. */
  public static String approval(String id) {
    return APPROVAL.formatted(id);
  }
}
