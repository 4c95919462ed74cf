package io.baton.ai;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.mcp.McpServerConfig;
import io.baton.ai.model.CircuitBreaker;
import io.baton.ai.model.ModelRef;
import io.baton.ai.model.ProviderConfig;
import io.baton.ai.model.ProviderKind;
import io.baton.ai.model.SecretRef;
import io.baton.ai.step.AgentFiles;
import io.baton.ai.usage.Budget;
import io.baton.ai.usage.PriceTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the AI configuration file ({@code baton-ai.yaml}). Relative paths (offline scripts, the
 * agents directory) are relative to the file.
 *
 * <pre>{@code
 * defaultModel: openai/gpt-4o-mini
 * providers:
 *   openai: {kind: openai, apiKey: env:OPENAI_API_KEY, model: gpt-4o-mini, timeout: 60s}
 *   local:  {kind: openai-compatible, baseUrl: http://localhost:8000/v1, model: qwen2.5}
 *   demo:   {kind: offline, script: offline/demo.yaml}
 * prices: {gpt-4o-mini: {input: 0.15, output: 0.60}}
 * budgets: {run: {tokens: 200000, cost: 2.0}, agent: {calls: 50}}
 * circuitBreaker: {failureThreshold: 5, recoveryTimeout: 30s, halfOpenMaxCalls: 3}
 * agents: agents/
 * mcpServers:
 *   files: {command: [npx, -y, "@modelcontextprotocol/server-filesystem", /data]}
 * }</pre>
 */
public final class AiConfigLoader {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  private AiConfigLoader() {}

  /**
   * Reads {@code file}.
   *
   * @throws IllegalArgumentException naming the file and the field that is wrong
   */
  public static AiConfig load(Path file) {
    try {
      return parse(Files.readString(file), file.toAbsolutePath().getParent(), file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the AI configuration " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads configuration text; {@code base} resolves relative paths, {@code source} names it. */
  @SuppressWarnings("unchecked")
  public static AiConfig parse(String text, Path base, String source) {
    Map<String, Object> root;
    try {
      Object value = YAMLMapper.builder().build().readValue(text, Object.class);
      root = value == null ? Map.of() : (Map<String, Object>) value;
    } catch (JacksonException | ClassCastException e) {
      throw new IllegalArgumentException(source + ": not a YAML object: " + e.getMessage(), e);
    }
    try {
      Map<String, Object> budgets = map(root.get("budgets"));
      List<AgentDefinition> agents = new ArrayList<>();
      if (root.get("agents") instanceof String dir) {
        agents.addAll(AgentFiles.loadDirectory(base.resolve(dir)));
      } else if (root.get("agents") instanceof List<?> list) {
        for (Object a : list) {
          agents.add(AgentFiles.parse(map(a), source + " agents"));
        }
      }
      return new AiConfig(
          providers(map(root.get("providers")), base),
          root.get("defaultModel") == null
              ? null
              : ModelRef.parse(root.get("defaultModel").toString()),
          prices(map(root.get("prices"))),
          budget(map(budgets.get("run"))),
          budget(map(budgets.get("agent"))),
          breaker(map(root.get("circuitBreaker"))),
          null,
          agents,
          mcpServers(map(root.get("mcpServers")), base));
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static List<ProviderConfig> providers(Map<String, Object> section, Path base) {
    List<ProviderConfig> out = new ArrayList<>();
    for (var e : section.entrySet()) {
      Map<String, Object> p = map(e.getValue());
      String name = e.getKey();
      if (p.get("kind") == null) {
        throw new IllegalArgumentException("providers." + name + ": needs a kind");
      }
      ProviderKind kind = ProviderKind.parse(p.get("kind").toString());
      Object script = p.get("script");
      ProviderConfig config =
          new ProviderConfig(
              name,
              kind,
              (String) p.get("baseUrl"),
              kind == ProviderKind.OFFLINE ? "offline" : (String) p.get("model"),
              p.get("apiKey") == null ? null : SecretRef.parse(p.get("apiKey").toString()),
              duration(p.get("timeout")),
              p.get("maxRetries") instanceof Number n ? n.intValue() : 2,
              strings(map(p.get("headers"))),
              (String) p.get("apiVersion"),
              script == null ? null : base.resolve(script.toString()));
      out.add(config);
    }
    return out;
  }

  private static PriceTable prices(Map<String, Object> section) {
    Map<String, PriceTable.Price> prices = new LinkedHashMap<>();
    section.forEach(
        (model, v) -> {
          Map<String, Object> p = map(v);
          prices.put(model, new PriceTable.Price(number(p.get("input")), number(p.get("output"))));
        });
    return new PriceTable(prices);
  }

  private static Budget budget(Map<String, Object> b) {
    return new Budget(
        (long) number(b.get("tokens")), number(b.get("cost")), (long) number(b.get("calls")));
  }

  private static CircuitBreaker.Settings breaker(Map<String, Object> b) {
    CircuitBreaker.Settings d = CircuitBreaker.Settings.DEFAULTS;
    return new CircuitBreaker.Settings(
        b.get("failureThreshold") instanceof Number n ? n.intValue() : d.failureThreshold(),
        b.get("recoveryTimeout") == null ? d.recoveryTimeout() : duration(b.get("recoveryTimeout")),
        b.get("halfOpenMaxCalls") instanceof Number n ? n.intValue() : d.halfOpenMaxCalls());
  }

  @SuppressWarnings("unchecked")
  private static List<McpServerConfig> mcpServers(Map<String, Object> section, Path base) {
    List<McpServerConfig> out = new ArrayList<>();
    section.forEach(
        (name, v) -> {
          Map<String, Object> s = map(v);
          out.add(
              new McpServerConfig(
                  name,
                  s.get("command") == null
                      ? List.of()
                      : ((List<Object>) s.get("command"))
                          .stream().map(a -> relativeToFile(String.valueOf(a), base)).toList(),
                  strings(map(s.get("env"))),
                  (String) s.get("url"),
                  (String) s.get("transport"),
                  duration(s.get("timeout"))));
        });
    return out;
  }

  /**
   * A command argument written as a relative path ({@code ./library}, {@code ../tools/server.js})
   * resolved against the configuration file's folder, so that the server is found from any working
   * directory; other arguments as they are.
   */
  private static String relativeToFile(String argument, Path base) {
    return argument.startsWith("./") || argument.startsWith("../")
        ? base.resolve(argument).normalize().toString()
        : argument;
  }

  /**
   * {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, or a number of seconds; null stays null.
   */
  public static Duration duration(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return Duration.ofMillis((long) (n.doubleValue() * 1000));
    }
    Matcher m = DURATION.matcher(value.toString().strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + value + "' is not a duration such as 500ms, 30s, 2m or 1h");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new IllegalArgumentException("expected an object, found " + value);
  }

  private static Map<String, String> strings(Map<String, Object> map) {
    Map<String, String> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  private static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : 0;
  }
}
