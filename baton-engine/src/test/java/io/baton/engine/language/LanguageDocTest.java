package io.baton.engine.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/language.md stays true: its workflows load, its step examples bind, every code and type is
 * documented.
 */
class LanguageDocTest {
  private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);
  private static String doc;

  @BeforeAll
  static void read() throws Exception {
    Optional<Path> file = RepositoryFiles.root().map(root -> root.resolve("docs/language.md"));
    assumeTrue(
        file.isPresent() && Files.exists(file.get()),
        "docs/language.md is not reachable from here");
    doc = Files.readString(file.get());
  }

  private static List<String> yamlBlocks() {
    List<String> blocks = new ArrayList<>();
    Matcher m = YAML_BLOCK.matcher(doc);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  @Test
  void everyWholeWorkflowExampleLoadsWithoutDiagnostics() {
    List<String> workflows = yamlBlocks().stream().filter(b -> b.startsWith("id:")).toList();
    assertThat(workflows).isNotEmpty();
    workflows.forEach(w -> assertThat(Loading.yaml(w).diagnostics()).as(w).isEmpty());
  }

  @Test
  void everyStepExampleBindsWithoutFieldErrors() {
    WorkflowLoader loader =
        new WorkflowLoader(
            LanguageContext.of(new FakeExpressions())
                .withStepType("agent", Map.of())
                .withStepType("code", Map.of())
                .withStepType("llm", Map.of()));
    for (String block : yamlBlocks().stream().filter(b -> b.startsWith("- ")).toList()) {
      LoadResult r = loader.parse("id: doc\nsteps:\n" + block.indent(2), "doc.yaml");
      assertThat(r.diagnostics())
          .as(block)
          .noneMatch(
              d ->
                  List.of(
                          "syntax",
                          "unknown-field",
                          "wrong-type",
                          "invalid-enum",
                          "invalid-duration",
                          "unknown-step-type",
                          "invalid-expression",
                          "invalid-template",
                          "conflicting-fields")
                      .contains(d.code()));
    }
  }

  @Test
  void everyCodeAndStepTypeIsDocumented() {
    DiagnosticCodes.ALL.forEach(code -> assertThat(doc).contains("| `" + code + "` |"));
    LanguageContext.BUILT_IN_TYPES.forEach(type -> assertThat(doc).contains("### `" + type + "`"));
  }
}
