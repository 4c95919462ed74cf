package io.baton.api.definition;

import java.util.Locale;

/**
 * A workflow-level fallback of the MPLP format: when a step fails with the given condition, the
 * action is taken instead of failing the run. {@code {condition: timeout, action:
 * escalate-to-human}} turns a timed-out step into a human step that asks a person to supply the
 * step's output.
 *
 * @param condition the error kind, by its wire name ({@code timeout}, {@code unavailable}, …) or
 *     {@code any}
 * @param action what to do; {@code escalate-to-human} is built in
 */
public record FallbackAction(String condition, String action) {

  /** The built-in action that asks a person for the failed step's output. */
  public static final String ESCALATE_TO_HUMAN = "escalate-to-human";

  /** Whether this fallback applies to a failure of the given kind. */
  public boolean appliesTo(io.baton.api.run.ErrorKind kind) {
    return "any".equalsIgnoreCase(condition)
        || kind.wireName().equals(condition.toLowerCase(Locale.ROOT).replace('-', '_'));
  }
}
