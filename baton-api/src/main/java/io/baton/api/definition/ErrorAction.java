package io.baton.api.definition;

/** What a step's final failure (after its retries) does to the run. */
public enum ErrorAction {
  /** The run fails (default). */
  FAIL,
  /** The failure is recorded on the step and the run goes on as if the step had ended. */
  CONTINUE,
  /** The run goes on at a fallback step named by {@link ErrorPolicy#target()}. */
  GOTO
}
