package io.baton.engine.language;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.WorkflowDefinition;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Native text → model → text → model gives an equal model, in YAML and JSON, imports included. */
class RoundTripTest {
  private final WorkflowLoader loader =
      new WorkflowLoader(LanguageContext.of(new FakeExpressions()).withStepType("agent", Map.of()));
  private final WorkflowWriter writer = new WorkflowWriter();

  private WorkflowDefinition load(String resource) throws Exception {
    LoadResult r = loader.load(Path.of(getClass().getResource(resource).toURI()));
    assertThat(r.diagnostics()).isEmpty();
    return r.definition();
  }

  @Test
  void yamlRoundTripsEqualUiMapsIncluded() throws Exception {
    WorkflowDefinition original = load("/native/everything.yaml");
    String yaml = writer.toYaml(original);
    LoadResult again = loader.parse(yaml, "again.yaml");
    assertThat(again.diagnostics()).isEmpty();
    assertThat(again.definition()).isEqualTo(original);
    assertThat(again.definition().steps().get(1).common().ui()).containsEntry("color", "#ffcc00");
    assertThat(writer.toYaml(again.definition())).isEqualTo(yaml);
  }

  @Test
  void jsonRoundTripsEqual() throws Exception {
    WorkflowDefinition original = load("/native/everything.yaml");
    LoadResult again = loader.parse(writer.toJson(original), "again.json");
    assertThat(again.diagnostics()).isEmpty();
    assertThat(again.definition()).isEqualTo(original);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mplp-multi-agent-collaboration.json",
        "mplp-sequential.json",
        "mplp-parallel.json",
        "mplp-conditional.json",
        "iflow-full-stack-development.json"
      })
  void importsExportToNativeYamlThatReadsBackEqual(String name) throws Exception {
    WorkflowDefinition imported = load("/conformance/" + name);
    LoadResult again = loader.parse(writer.toYaml(imported), "export.yaml");
    assertThat(again.diagnostics()).isEmpty();
    assertThat(again.definition()).isEqualTo(imported);
    assertThat(again.sourceFormat()).isEqualTo("baton");
  }

  @Test
  void defaultsAreLeftOut() throws Exception {
    String yaml = writer.toYaml(load("/conformance/mplp-parallel.json"));
    assertThat(yaml)
        .startsWith("id: par-001\nversion: \"1\"\n")
        .contains("join: always")
        .doesNotContain("onError")
        .doesNotContain("policies")
        .doesNotContain("---");
  }

  @Test
  void writesYamlOrJsonByFileName(@TempDir Path dir) throws Exception {
    WorkflowDefinition d = load("/conformance/mplp-sequential.json");
    writer.write(d, dir.resolve("a.json"));
    writer.write(d, dir.resolve("a.yaml"));
    assertThat(loader.load(dir.resolve("a.json")).orThrow()).isEqualTo(d);
    assertThat(loader.load(dir.resolve("a.yaml")).orThrow()).isEqualTo(d);
    assertThat(java.nio.file.Files.readString(dir.resolve("a.json"))).startsWith("{");
  }
}
