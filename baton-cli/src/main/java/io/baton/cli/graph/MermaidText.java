package io.baton.cli.graph;

import java.util.HashMap;
import java.util.Map;

/** Mermaid's lexical rules: node ids made safe and unique, labels escaped and kept short. */
final class MermaidText {
  private static final int MAX_LABEL = 60;

  private final Map<String, String> ids = new HashMap<>();
  private final Map<String, Integer> taken = new HashMap<>();

  /**
   * The Mermaid id of step (or scope) {@code key}: letters, digits and {@code _}, the same every
   * time asked.
   */
  String id(String key) {
    return ids.computeIfAbsent(
        key,
        k -> {
          String base = "s_" + k.replaceAll("[^A-Za-z0-9_]", "_");
          int n = taken.merge(base, 1, Integer::sum);
          return n == 1 ? base : base + "_" + n;
        });
  }

  /**
   * {@code text} as the inside of a quoted Mermaid label, cut at {@value #MAX_LABEL} characters.
   */
  static String label(String text) {
    String flat = text.strip().replaceAll("\\s+", " "); // multi-line expressions read as one line
    String t = flat.length() > MAX_LABEL ? flat.substring(0, MAX_LABEL - 1) + "…" : flat;
    StringBuilder out = new StringBuilder();
    for (char c : t.toCharArray()) {
      switch (c) {
        case '"' -> out.append("#quot;");
        case '<' -> out.append("#lt;");
        case '>' -> out.append("#gt;");
        case '#' -> out.append("#35;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
