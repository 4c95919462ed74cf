package io.baton.engine.language;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.StepDef;
import io.baton.api.definition.WorkflowDefinition;
import java.nio.file.Path;
import java.util.List;

/** The seeds' conformance fixtures, as copied verbatim into the test resources. */
public final class Conformance {
  /** The five workflow fixtures. */
  public static final List<String> WORKFLOWS =
      List.of(
          "mplp-multi-agent-collaboration.json",
          "mplp-sequential.json",
          "mplp-parallel.json",
          "mplp-conditional.json",
          "iflow-full-stack-development.json");

  /** The engine configuration fixture. */
  public static final String CONFIG = "iflow-orchestration-config.yaml";

  private Conformance() {}

  /** The path of the copy of fixture {@code name}. */
  public static Path path(String name) {
    try {
      return Path.of(Conformance.class.getResource("/conformance/" + name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Loads a fixture, asserting that it loads with no diagnostics at all. */
  public static LoadResult load(String name) {
    LoadResult r = new WorkflowLoader(LanguageContext.of(new FakeExpressions())).load(path(name));
    assertThat(r.diagnostics()).as(name).isEmpty();
    return r;
  }

  /** The step {@code id} of {@code d}, nested ones included. */
  public static StepDef step(WorkflowDefinition d, String id) {
    return d.allSteps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  /** A loader with the fake expression engine, for importer tests. */
  public static LoadResult parse(String text, String name) {
    return new WorkflowLoader(LanguageContext.of(new FakeExpressions())).parse(text, name);
  }

  /** The only diagnostic with {@code code}. */
  public static Diagnostic only(LoadResult r, String code) {
    return Loading.only(r, code);
  }
}
