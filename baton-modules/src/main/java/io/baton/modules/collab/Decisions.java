package io.baton.modules.collab;

import static io.baton.modules.spi.Call.fields;

import io.baton.api.spi.TaskHandler;
import io.baton.modules.spi.Call;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decision rules of a collaboration: {@code consensus} (every vote for one option), {@code
 * majority} (more than half the votes), {@code leader} (the leader's vote). When the rule reaches
 * no decision the conflict is resolved by an agent with the {@code conflict-resolution} capability
 * if one is registered, else by the configured policy: {@code priority} (the first option in the
 * given order) or {@code timestamp} (the option voted first).
 */
final class Decisions {
  static final List<String> RULES = List.of("consensus", "majority", "leader");

  private Decisions() {}

  static Map<String, Object> decide(Call c, String rule, String policy) throws Exception {
    List<String> options = c.list("options").stream().map(String::valueOf).toList();
    if (options.isEmpty()) {
      throw c.badInput("'options' must list the choices to decide between");
    }
    if (!RULES.contains(rule)) {
      throw c.badInput("rule '" + rule + "' is not one of " + RULES);
    }
    Map<String, String> votes = new LinkedHashMap<>();
    c.map("votes").forEach((who, option) -> votes.put(who, String.valueOf(option)));
    for (String option : votes.values()) {
      if (!options.contains(option)) {
        throw c.badInput("a vote for '" + option + "' is for none of the options " + options);
      }
    }
    Map<String, Long> tally = new LinkedHashMap<>();
    options.forEach(o -> tally.put(o, votes.values().stream().filter(o::equals).count()));
    String decision = byRule(c, rule, votes, tally);
    String resolvedBy = "votes";
    if (decision == null) {
      Optional<TaskHandler> agent = c.services().agentFor("collab", "decide");
      if (agent.isPresent()) {
        Object answer =
            agent
                .get()
                .handle(
                    "conflict-resolution",
                    fields("options", options, "votes", votes, "rule", rule),
                    c.step().orElse(null));
        decision =
            answer instanceof Map<?, ?> m
                ? String.valueOf(m.get("decision"))
                : String.valueOf(answer);
        if (!options.contains(decision)) {
          throw c.badInput(
              "the conflict-resolution agent chose '" + decision + "', none of " + options);
        }
        resolvedBy = "agent";
      } else {
        decision =
            "timestamp".equals(policy) && !votes.isEmpty()
                ? votes.values().iterator().next()
                : options.getFirst();
        resolvedBy = "rules:" + policy;
      }
    }
    return fields(
        "rule",
        rule,
        "decision",
        decision,
        "tally",
        tally,
        "votes",
        votes,
        "resolvedBy",
        resolvedBy);
  }

  private static String byRule(
      Call c, String rule, Map<String, String> votes, Map<String, Long> tally) {
    if (votes.isEmpty()) {
      return null;
    }
    return switch (rule) {
      case "consensus" ->
          tally.entrySet().stream()
              .filter(e -> e.getValue() == votes.size())
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(null);
      case "majority" ->
          tally.entrySet().stream()
              .filter(e -> e.getValue() * 2 > votes.size())
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(null);
      default -> votes.get(c.required("leader"));
    };
  }
}
