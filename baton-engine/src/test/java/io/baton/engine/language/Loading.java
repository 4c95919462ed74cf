package io.baton.engine.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * Shared test setup: a loader with the fake expression engine, and lookups of diagnostics by code.
 */
final class Loading {
  static final WorkflowLoader LOADER =
      new WorkflowLoader(LanguageContext.of(new FakeExpressions()));

  private Loading() {}

  /** Loads YAML text named {@code flow.yaml}. */
  static LoadResult yaml(String text) {
    return LOADER.parse(text, "flow.yaml");
  }

  /** Loads JSON text named {@code flow.json}. */
  static LoadResult json(String text) {
    return LOADER.parse(text, "flow.json");
  }

  /** The only diagnostic with {@code code}; fails when there is not exactly one. */
  static Diagnostic only(LoadResult result, String code) {
    List<Diagnostic> found = all(result.diagnostics(), code);
    assertThat(found).as("diagnostics %s in %s", code, result.diagnostics()).hasSize(1);
    return found.getFirst();
  }

  /** The only diagnostic with {@code code}; fails when there is not exactly one. */
  static Diagnostic only(List<Diagnostic> diagnostics, String code) {
    List<Diagnostic> found = all(diagnostics, code);
    assertThat(found).as("diagnostics %s in %s", code, diagnostics).hasSize(1);
    return found.getFirst();
  }

  /** Every diagnostic with {@code code}. */
  static List<Diagnostic> all(List<Diagnostic> diagnostics, String code) {
    return diagnostics.stream().filter(d -> d.code().equals(code)).toList();
  }

  /** Asserts there are no diagnostics at all. */
  static LoadResult clean(LoadResult result) {
    assertThat(result.diagnostics()).as("diagnostics").isEmpty();
    return result;
  }
}
