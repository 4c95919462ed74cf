package io.baton.ai.agent;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named, versioned agent: what it is for, which model and tools it uses, what it remembers, and
 * how its answers must look. Written in {@code agents/*.yaml} or built in Java.
 *
 * <pre>{@code
 * AgentDefinition researcher = AgentDefinition.builder("researcher")
 *     .type(AgentType.REACT).role("Researcher").capabilities("research")
 *     .model(ModelSpec.of("openai/gpt-4o-mini", "offline"))
 *     .systemPrompt("You find facts and cite them.").tools("web_search").maxIterations(6)
 *     .build();
 * }</pre>
 *
 * @param name unique with its version
 * @param version the version ({@code "1"} by default)
 * @param type how its steps run ({@link AgentType})
 * @param role its role, told to the model
 * @param description what it does, for people and supervisors
 * @param capabilities what it can do, for discovery
 * @param model its models
 * @param systemPrompt its instructions
 * @param tools the tools it may call
 * @param memory what it remembers within a run
 * @param maxIterations the most model calls in one step
 * @param outputSchema the JSON Schema its answers must match, or null
 * @param options type-specific settings ({@code documents} of a rag agent, …)
 */
public record AgentDefinition(
    String name,
    String version,
    String type,
    String role,
    String description,
    List<String> capabilities,
    ModelSpec model,
    String systemPrompt,
    List<String> tools,
    MemoryPolicy memory,
    int maxIterations,
    Map<String, Object> outputSchema,
    Map<String, Object> options) {

  public AgentDefinition {
    Objects.requireNonNull(name, "name");
    version = Objects.requireNonNullElse(version, "1");
    type = Objects.requireNonNullElse(type, AgentType.CHAT);
    capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    model = Objects.requireNonNullElse(model, ModelSpec.DEFAULT);
    tools = tools == null ? List.of() : List.copyOf(tools);
    memory = Objects.requireNonNullElse(memory, MemoryPolicy.NONE);
    options = options == null ? Map.of() : Map.copyOf(options);
    if (maxIterations < 1) {
      throw new IllegalArgumentException(
          "agent '" + name + "': maxIterations must be at least 1, found " + maxIterations);
    }
  }

  /** A builder for {@code name}. */
  public static AgentBuilder builder(String name) {
    return new AgentBuilder(name);
  }

  /** The instructions the model gets: the role, the description and the system prompt. */
  public String instructions() {
    StringBuilder b = new StringBuilder();
    if (role != null) {
      b.append("You are ").append(role).append(".\n");
    }
    if (description != null) {
      b.append(description).append('\n');
    }
    if (systemPrompt != null) {
      b.append(systemPrompt);
    }
    return b.toString().strip();
  }

  /** Whether it can do {@code capability}. */
  public boolean can(String capability) {
    return capabilities.contains(capability);
  }
}
