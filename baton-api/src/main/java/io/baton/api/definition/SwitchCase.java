package io.baton.api.definition;

import java.util.List;

/**
 * One case of a {@link SwitchStep}: taken when the switch's value equals {@code equals}, or when
 * {@code when} (an expression in which {@code value} is the switch's value) is true.
 *
 * @param equals the value to match, or null when {@code when} is used
 * @param when a boolean expression, or null when {@code equals} is used
 * @param next the steps run when this case is taken
 */
public record SwitchCase(Object equals, String when, List<String> next) {
  public SwitchCase {
    next = Frozen.list(next);
  }
}
