package io.baton.server.ai;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.MemoryPolicy;
import io.baton.ai.model.ModelRef;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An agent as the API shows it: its definition in the fields of an agent file, the versions
 * registered, and where it comes from ({@code config}: the AI configuration file, read-only; {@code
 * api}: registered through the API, stored).
 *
 * @param id the agent's name, which steps use ({@code agent: researcher})
 * @param version the version shown
 * @param versions every version registered, oldest first
 * @param source {@code config} or {@code api}
 * @param createdAt when it was registered through the API, or null
 * @param definition name, version, type, role, description, capabilities, model, systemPrompt,
 *     tools, memory, maxIterations, outputSchema, options
 */
public record AgentView(
    String id,
    String version,
    List<String> versions,
    String source,
    Instant createdAt,
    Map<String, Object> definition) {

  static AgentView of(
      AgentDefinition agent, List<String> versions, String source, Instant createdAt) {
    return new AgentView(
        agent.name(), agent.version(), versions, source, createdAt, definition(agent));
  }

  /** The definition in the fields of an agent file (what {@code POST /agents} takes). */
  static Map<String, Object> definition(AgentDefinition a) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", a.name());
    out.put("version", a.version());
    out.put("type", a.type());
    out.put("role", a.role());
    out.put("description", a.description());
    out.put("capabilities", a.capabilities());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("use", a.model().primary() == null ? null : a.model().primary().toString());
    model.put("fallbacks", a.model().fallbacks().stream().map(ModelRef::toString).toList());
    model.put("temperature", a.model().temperature());
    model.put("maxTokens", a.model().maxTokens());
    out.put("model", model);
    out.put("systemPrompt", a.systemPrompt());
    out.put("tools", a.tools());
    out.put("memory", memory(a.memory()));
    out.put("maxIterations", a.maxIterations());
    out.put("outputSchema", a.outputSchema());
    out.put("options", a.options());
    return out;
  }

  /** As an agent file writes it: {@code {window: 20}} or {@code {maxTokens: 4000}}; null: none. */
  private static Map<String, Object> memory(MemoryPolicy memory) {
    if (memory.kind() == MemoryPolicy.Kind.NONE) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (memory.kind() == MemoryPolicy.Kind.WINDOW) {
      out.put("window", memory.window());
    } else {
      out.put("maxTokens", memory.maxTokens());
    }
    out.put("summarize", memory.summarize());
    return out;
  }
}
