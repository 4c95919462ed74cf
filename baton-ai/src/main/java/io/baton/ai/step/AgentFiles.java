package io.baton.ai.step;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.MemoryPolicy;
import io.baton.ai.agent.ModelSpec;
import io.baton.ai.model.ModelRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads agent definitions from YAML: one agent per file, or {@code agents:} with several; a
 * directory's {@code *.yaml} and {@code *.yml} files in name order.
 *
 * <pre>{@code
 * name: researcher
 * type: react
 * role: Researcher
 * capabilities: [research]
 * model: {use: openai/gpt-4o-mini, fallbacks: [offline], temperature: 0.2}
 * systemPrompt: Find facts and cite them.
 * tools: [web_search]
 * memory: {window: 20, summarize: true}
 * maxIterations: 6
 * }</pre>
 */
public final class AgentFiles {
  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "version",
          "type",
          "role",
          "description",
          "capabilities",
          "model",
          "fallbacks",
          "systemPrompt",
          "tools",
          "memory",
          "maxIterations",
          "outputSchema",
          "options");

  private AgentFiles() {}

  /** Every agent in the YAML files of {@code directory} (none when it does not exist). */
  public static List<AgentDefinition> loadDirectory(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<AgentDefinition> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path f : files.filter(p -> p.toString().matches(".*\\.ya?ml")).sorted().toList()) {
        out.addAll(load(f));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot list agents in " + directory + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** The agents of one file. */
  @SuppressWarnings("unchecked")
  public static List<AgentDefinition> load(Path file) {
    Object root;
    try {
      root = YAMLMapper.builder().build().readValue(Files.readString(file), Object.class);
    } catch (IOException | JacksonException e) {
      throw new IllegalArgumentException(
          file + ": cannot read agent definitions: " + e.getMessage(), e);
    }
    List<Object> entries =
        root instanceof Map<?, ?> m && m.get("agents") instanceof List<?> l
            ? (List<Object>) l
            : List.of(root);
    List<AgentDefinition> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String where = file + (entries.size() > 1 ? " agents[" + i + "]" : "");
      if (!(entries.get(i) instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException(where + ": an agent is an object with at least a name");
      }
      out.add(parse((Map<String, Object>) map, where));
    }
    return out;
  }

  /** One agent from its fields; {@code where} names it in errors. */
  @SuppressWarnings("unchecked")
  public static AgentDefinition parse(Map<String, Object> map, String where) {
    for (String key : map.keySet()) {
      if (!FIELDS.contains(key)) {
        throw new IllegalArgumentException(
            where
                + ": unknown field '"
                + key
                + "'; the fields are "
                + new java.util.TreeSet<>(FIELDS));
      }
    }
    if (!(map.get("name") instanceof String name)) {
      throw new IllegalArgumentException(where + ": an agent needs a name");
    }
    try {
      return AgentDefinition.builder(name)
          .version(map.get("version") == null ? null : map.get("version").toString())
          .type((String) map.get("type"))
          .role((String) map.get("role"))
          .description((String) map.get("description"))
          .capabilities(strings(map.get("capabilities")).toArray(String[]::new))
          .model(model(map.get("model"), strings(map.get("fallbacks"))))
          .systemPrompt((String) map.get("systemPrompt"))
          .tools(strings(map.get("tools")).toArray(String[]::new))
          .memory(
              map.get("memory") instanceof Map<?, ?> mem
                  ? memory((Map<String, Object>) mem, name)
                  : null)
          .maxIterations(map.get("maxIterations") instanceof Number n ? n.intValue() : 8)
          .outputSchema((Map<String, Object>) map.get("outputSchema"))
          .options(map.get("options") == null ? Map.of() : (Map<String, Object>) map.get("options"))
          .build();
    } catch (ClassCastException e) {
      throw new IllegalArgumentException(
          where + ": a field has the wrong type: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  /** A memory policy: {@code {window: 20}}, {@code {maxTokens: 2000}}, {@code summarize: true}. */
  public static MemoryPolicy memory(Map<String, Object> map, String who) {
    MemoryPolicy policy;
    if (map.get("window") instanceof Number n) {
      policy = MemoryPolicy.window(n.intValue());
    } else if (map.get("maxTokens") instanceof Number n) {
      policy = MemoryPolicy.tokens(n.intValue());
    } else if (Boolean.FALSE.equals(map.get("enabled")) || map.isEmpty()) {
      return MemoryPolicy.NONE;
    } else {
      throw new IllegalArgumentException(who + ": memory needs window: N or maxTokens: N");
    }
    return Boolean.TRUE.equals(map.get("summarize")) ? policy.summarizing() : policy;
  }

  @SuppressWarnings("unchecked")
  private static ModelSpec model(Object value, List<String> topFallbacks) {
    if (value == null && topFallbacks.isEmpty()) {
      return null;
    }
    if (value == null || value instanceof String) {
      return new ModelSpec(
          value == null ? null : ModelRef.parse((String) value),
          topFallbacks.stream().map(ModelRef::parse).toList(),
          null,
          null);
    }
    Map<String, Object> m = (Map<String, Object>) value;
    List<String> fallbacks = new ArrayList<>(strings(m.get("fallbacks")));
    fallbacks.addAll(topFallbacks);
    return new ModelSpec(
        m.get("use") == null ? null : ModelRef.parse(m.get("use").toString()),
        fallbacks.stream().map(ModelRef::parse).toList(),
        m.get("temperature") instanceof Number t ? t.doubleValue() : null,
        m.get("maxTokens") instanceof Number t ? t.intValue() : null);
  }

  private static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> l) {
      return l.stream().map(String::valueOf).toList();
    }
    return List.of(value.toString());
  }
}
