package io.baton.engine.expression.internal;

import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelVariableResolver;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The variables of one evaluation, seen by CEL. Values are converted lazily as CEL reads them, so a
 * large step output costs nothing unless the expression walks it. Also remembers the last failed
 * lookup, because CEL's own error ("key 'x' is not present in map") does not say which keys were
 * there.
 */
public final class EvaluationScope implements CelVariableResolver {
  private final Map<String, Object> variables;
  private final boolean unsetIsNull;
  private String unsetVariable;
  private Object missedKey;
  private Map<?, ?> missedIn;

  /**
   * @param variables the caller's variables, never modified
   * @param unsetIsNull whether a declared variable absent from {@code variables} reads as null
   *     (JavaScript's undefined) rather than being an error
   */
  public EvaluationScope(Map<String, Object> variables, boolean unsetIsNull) {
    this.variables = variables == null ? Map.of() : variables;
    this.unsetIsNull = unsetIsNull;
  }

  @Override
  public Optional<Object> find(String name) {
    Object value = variables.get(name);
    if (value == null && !variables.containsKey(name)) {
      if (unsetIsNull) {
        return Optional.of(NullValue.NULL_VALUE);
      }
      unsetVariable = name;
      return Optional.empty();
    }
    return Optional.of(CelValueBridge.toCel(value, this));
  }

  void recordMiss(Object key, Map<?, ?> in) {
    missedKey = key;
    missedIn = in;
  }

  /** The name of the declared variable that was read but not set, or null. */
  public String unsetVariable() {
    return unsetVariable;
  }

  /** The sorted names of the variables that are set, for messages. */
  public List<String> setVariables() {
    return List.copyOf(new TreeSet<>(variables.keySet()));
  }

  /**
   * The keys of the map in which {@code key} was last looked up in vain, if that is the last miss.
   */
  public Optional<List<String>> keysAround(String key) {
    if (missedIn == null || !String.valueOf(missedKey).equals(key)) {
      return Optional.empty();
    }
    TreeSet<String> keys = new TreeSet<>();
    missedIn.keySet().forEach(k -> keys.add(String.valueOf(k)));
    return Optional.of(List.copyOf(keys));
  }
}
