package io.baton.ai.agent;

import java.util.List;
import java.util.Map;

/** Builds an {@link AgentDefinition}; everything but the name has a default. */
public final class AgentBuilder {
  private final String name;
  private String version;
  private String type;
  private String role;
  private String description;
  private List<String> capabilities = List.of();
  private ModelSpec model;
  private String systemPrompt;
  private List<String> tools = List.of();
  private MemoryPolicy memory;
  private int maxIterations = 8;
  private Map<String, Object> outputSchema;
  private Map<String, Object> options = Map.of();

  AgentBuilder(String name) {
    this.name = name;
  }

  /** Its version. */
  public AgentBuilder version(String v) {
    this.version = v;
    return this;
  }

  /** Its type ({@link AgentType}). */
  public AgentBuilder type(String t) {
    this.type = t;
    return this;
  }

  /** Its role. */
  public AgentBuilder role(String r) {
    this.role = r;
    return this;
  }

  /** What it does. */
  public AgentBuilder description(String d) {
    this.description = d;
    return this;
  }

  /** What it can do. */
  public AgentBuilder capabilities(String... c) {
    this.capabilities = List.of(c);
    return this;
  }

  /** Its models. */
  public AgentBuilder model(ModelSpec m) {
    this.model = m;
    return this;
  }

  /** Its instructions. */
  public AgentBuilder systemPrompt(String p) {
    this.systemPrompt = p;
    return this;
  }

  /** The tools it may call. */
  public AgentBuilder tools(String... t) {
    this.tools = List.of(t);
    return this;
  }

  /** What it remembers. */
  public AgentBuilder memory(MemoryPolicy m) {
    this.memory = m;
    return this;
  }

  /** The most model calls in one step. */
  public AgentBuilder maxIterations(int n) {
    this.maxIterations = n;
    return this;
  }

  /** The JSON Schema its answers must match. */
  public AgentBuilder outputSchema(Map<String, Object> s) {
    this.outputSchema = s;
    return this;
  }

  /** Type-specific settings. */
  public AgentBuilder options(Map<String, Object> o) {
    this.options = o;
    return this;
  }

  /** The definition. */
  public AgentDefinition build() {
    return new AgentDefinition(
        name,
        version,
        type,
        role,
        description,
        capabilities,
        model,
        systemPrompt,
        tools,
        memory,
        maxIterations,
        outputSchema,
        options);
  }
}
