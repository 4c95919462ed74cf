package io.baton.ai.tool;

import dev.langchain4j.agent.tool.ToolSpecification;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tools agents may call: Java tools, built-ins, tools of MCP servers, workflows used as tools.
 * {@link io.baton.ai.BatonAi} registers every tool here and in the engine's registry, so the same
 * tool serves {@code tool} steps and agents.
 */
public final class ToolCatalog {
  private final Map<String, Tool> tools = new ConcurrentHashMap<>();

  /** Adds or replaces a tool. */
  public void add(Tool tool) {
    tools.put(tool.name(), tool);
  }

  /** Removes a tool; true if there was one. */
  public boolean remove(String name) {
    return tools.remove(name) != null;
  }

  /** The tool called {@code name}, or null. */
  public Tool find(String name) {
    return tools.get(name);
  }

  /**
   * The tools called {@code names}, in that order.
   *
   * @throws StepException of kind NOT_FOUND naming the missing tools and the registered ones
   */
  public List<Tool> require(List<String> names, String who) {
    List<Tool> found = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      Tool t = tools.get(name);
      if (t == null) {
        missing.add(name);
      } else {
        found.add(t);
      }
    }
    if (!missing.isEmpty()) {
      throw new StepException(
          ErrorKind.NOT_FOUND,
          who
              + " uses tools that are not registered: "
              + missing
              + "; registered tools: "
              + new TreeMap<>(tools).keySet());
    }
    return found;
  }

  /** The specifications models see for {@code selected}. */
  public static List<ToolSpecification> specifications(List<Tool> selected) {
    return selected.stream().map(ToolSchemas::specification).toList();
  }

  /** Every tool, by name. */
  public Map<String, Tool> all() {
    return Map.copyOf(tools);
  }
}
