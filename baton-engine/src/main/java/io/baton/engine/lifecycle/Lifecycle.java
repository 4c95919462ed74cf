package io.baton.engine.lifecycle;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A lifecycle as a transition table: which statuses may follow which. The tables are the
 * specification the runtime is tested against, and the source of the diagrams in {@code
 * docs/lifecycles.md}.
 *
 * @param <S> the status type
 */
public final class Lifecycle<S extends Enum<S>> {
  private final String name;
  private final S initial;
  private final Map<S, Set<S>> next;

  private Lifecycle(String name, S initial, Map<S, Set<S>> next) {
    this.name = name;
    this.initial = initial;
    this.next = next;
  }

  /** Starts a table for statuses of {@code type}, beginning at {@code initial}. */
  public static <S extends Enum<S>> Builder<S> of(String name, Class<S> type, S initial) {
    return new Builder<>(name, type, initial);
  }

  /** What the lifecycle is of ("run", "step"). */
  public String name() {
    return name;
  }

  /** The status everything starts in. */
  public S initial() {
    return initial;
  }

  /** Whether {@code to} may follow {@code from}. */
  public boolean allows(S from, S to) {
    return next.getOrDefault(from, Set.of()).contains(to);
  }

  /** The statuses that may follow {@code from}. */
  public Set<S> next(S from) {
    return next.getOrDefault(from, Set.of());
  }

  /** A Mermaid state diagram of the table. */
  public String mermaid() {
    StringBuilder b = new StringBuilder("stateDiagram-v2\n");
    b.append("    [*] --> ").append(initial.name()).append('\n');
    next.forEach(
        (from, tos) ->
            tos.forEach(
                to ->
                    b.append("    ")
                        .append(from.name())
                        .append(" --> ")
                        .append(to.name())
                        .append('\n')));
    return b.toString();
  }

  /** Builds a table row by row. */
  public static final class Builder<S extends Enum<S>> {
    private final String name;
    private final Class<S> type;
    private final S initial;
    private final Map<S, Set<S>> next;

    private Builder(String name, Class<S> type, S initial) {
      this.name = name;
      this.type = type;
      this.initial = initial;
      this.next = new EnumMap<>(type);
    }

    /** {@code from} may become any of {@code to}. */
    @SafeVarargs
    public final Builder<S> from(S from, S... to) {
      Set<S> set = EnumSet.noneOf(type);
      set.addAll(java.util.List.of(to));
      next.put(from, set);
      return this;
    }

    /** The table. */
    public Lifecycle<S> build() {
      return new Lifecycle<>(name, initial, next);
    }
  }
}
