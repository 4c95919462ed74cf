package io.baton.engine.language;

import java.util.List;

/**
 * The stable codes of {@link Diagnostic}s. Tools may match on them; the messages may change, the
 * codes do not.
 *
 * <pre>{@code
 * if (d.code().equals(DiagnosticCodes.UNKNOWN_FIELD)) { … }
 * }</pre>
 */
public final class DiagnosticCodes {
  private DiagnosticCodes() {}

  /** The file is not well-formed YAML or JSON, holds several documents, or uses YAML aliases. */
  public static final String SYNTAX = "syntax";

  /** The file is larger than {@link Limits#maxFileBytes()}. */
  public static final String FILE_TOO_LARGE = "file-too-large";

  /** Objects and lists are nested deeper than {@link Limits#maxDepth()}. */
  public static final String TOO_DEEP = "too-deep";

  /** The definition has more steps than {@link Limits#maxSteps()}. */
  public static final String TOO_MANY_STEPS = "too-many-steps";

  /** An object has the same key twice. */
  public static final String DUPLICATE_KEY = "duplicate-key";

  /** A field that the object does not have (with a "did you mean" hint when one is close). */
  public static final String UNKNOWN_FIELD = "unknown-field";

  /** A required field is absent (or a required list is empty). */
  public static final String MISSING_FIELD = "missing-field";

  /** A value of the wrong JSON type: the message says what was expected and what was found. */
  public static final String WRONG_TYPE = "wrong-type";

  /** A value of the right type outside its range (a negative count, a jitter above 1, …). */
  public static final String INVALID_VALUE = "invalid-value";

  /** A value that is none of the allowed names; the message lists them. */
  public static final String INVALID_ENUM = "invalid-enum";

  /** A duration that cannot be read ({@code 30} instead of {@code 30s}). */
  public static final String INVALID_DURATION = "invalid-duration";

  /** A step or branch id with characters other than letters, digits, {@code -} and {@code _}. */
  public static final String INVALID_ID = "invalid-id";

  /** Two steps (at any nesting level) or two branches of one parallel step share an id. */
  public static final String DUPLICATE_ID = "duplicate-id";

  /** A step type that is neither built in nor registered. */
  public static final String UNKNOWN_STEP_TYPE = "unknown-step-type";

  /** A reference to a step that does not exist or is not visible from where it is read. */
  public static final String UNKNOWN_STEP_REFERENCE = "unknown-step-reference";

  /** Steps that wait for each other, directly or through others. */
  public static final String CYCLE = "cycle";

  /** A step that can never run (error), or that does not follow the start step (warning). */
  public static final String UNREACHABLE = "unreachable";

  /** A warning: a step reads another that is not guaranteed to have run before it. */
  public static final String NOT_UPSTREAM = "not-upstream";

  /** An expression that does not compile. */
  public static final String INVALID_EXPRESSION = "invalid-expression";

  /** A {@code ${…}} template that is malformed. */
  public static final String INVALID_TEMPLATE = "invalid-template";

  /** The workflow's {@code expressionLanguage} is not available. */
  public static final String UNKNOWN_EXPRESSION_LANGUAGE = "unknown-expression-language";

  /**
   * Fields that exclude each other are both present ({@code duration} and {@code event} on a wait).
   */
  public static final String CONFLICTING_FIELDS = "conflicting-fields";

  /** The fields of a custom step break the JSON Schema registered for its type. */
  public static final String INVALID_CONFIG = "invalid-config";

  /** Every code, in the order above. */
  public static final List<String> ALL =
      List.of(
          SYNTAX,
          FILE_TOO_LARGE,
          TOO_DEEP,
          TOO_MANY_STEPS,
          DUPLICATE_KEY,
          UNKNOWN_FIELD,
          MISSING_FIELD,
          WRONG_TYPE,
          INVALID_VALUE,
          INVALID_ENUM,
          INVALID_DURATION,
          INVALID_ID,
          DUPLICATE_ID,
          UNKNOWN_STEP_TYPE,
          UNKNOWN_STEP_REFERENCE,
          CYCLE,
          UNREACHABLE,
          NOT_UPSTREAM,
          INVALID_EXPRESSION,
          INVALID_TEMPLATE,
          UNKNOWN_EXPRESSION_LANGUAGE,
          CONFLICTING_FIELDS,
          INVALID_CONFIG);
}
