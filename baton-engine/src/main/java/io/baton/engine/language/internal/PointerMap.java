package io.baton.engine.language.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Translates pointers into the model's canonical layout (how {@code WorkflowWriter} would write it)
 * into pointers into the source file, which may differ: a parallel step's shorthand {@code steps}
 * list, or an imported format's own field names. The rules report canonical pointers; this map
 * makes them point into what the user wrote.
 *
 * <p>The longest registered prefix wins: with {@code /steps/1/dependsOn ->
 * /workflow/steps/1/dependencies} registered, {@code /steps/1/dependsOn/0} becomes {@code
 * /workflow/steps/1/dependencies/0}.
 */
public final class PointerMap {
  private final Map<String, String> prefixes = new HashMap<>();

  /** Maps the canonical {@code canonical} (and everything below it) to {@code source}. */
  public void put(String canonical, String source) {
    if (!canonical.equals(source)) {
      prefixes.put(canonical, source);
    }
  }

  /** The source pointer of a canonical one; unchanged when no prefix of it was registered. */
  public String toSource(String canonical) {
    String prefix = canonical;
    while (prefix != null) {
      String source = prefixes.get(prefix);
      if (source != null) {
        return source + canonical.substring(prefix.length());
      }
      prefix = Pointer.parent(prefix);
    }
    return canonical;
  }
}
