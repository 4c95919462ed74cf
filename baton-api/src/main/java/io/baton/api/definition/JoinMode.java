package io.baton.api.definition;

/**
 * When a step with dependencies becomes ready.
 *
 * <ul>
 *   <li>{@link #ALL} (default): every dependency has ended; the step is skipped when all of them
 *       were skipped.
 *   <li>{@link #ANY}: as soon as one dependency has completed; skipped when all ended without
 *       completing.
 *   <li>{@link #ALWAYS}: every dependency has ended, whatever their ends (the MPLP import uses it
 *       so that a skipped conditional step does not skip the steps after it).
 * </ul>
 */
public enum JoinMode {
  ALL,
  ANY,
  ALWAYS
}
