package io.baton.ai.team;

import io.baton.ai.agent.AgentTask;
import java.util.List;
import java.util.Map;

/** The prompts team steps build from the request and the turns so far. */
final class AgentTaskText {
  private AgentTaskText() {}

  /** The request followed by the work so far. */
  static AgentTask of(String request, List<Map<String, Object>> turns) {
    return AgentTask.of("Request: " + request + context(turns));
  }

  /** The turns so far, as text; empty when there are none. */
  static String context(List<Map<String, Object>> turns) {
    if (turns.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("\n\nWork so far:\n");
    for (Map<String, Object> t : turns) {
      b.append("- ").append(t.get("agent")).append(": ").append(t.get("text")).append('\n');
    }
    return b.toString();
  }
}
