package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.cli.run.JsonText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every workflow of {@code examples/} end to end through {@link BatonCli}, with the arguments
 * of its {@code # ci-args:} line (the same ones {@code .ci/run} passes), and checks its key
 * outputs.
 */
class ExamplesTest {
  static final Path EXAMPLES = Path.of("..", "examples");

  /** What each example must output; every example needs an entry. */
  private static final Map<String, Consumer<Map<String, Object>>> EXPECTED =
      new java.util.HashMap<>(
          Map.of(
              "hello.yaml",
              out ->
                  assertThat(out)
                      .containsEntry("greeting", "HELLO, ADA!")
                      .containsEntry("words", 2),
              "research-team.yaml",
              out -> {
                assertThat(out).containsEntry("goal", "Choose a vector database");
                assertThat((List<?>) out.get("findings")).hasSize(3);
                assertThat(String.valueOf(out.get("review")))
                    .startsWith("Reviewed Choose a vector database");
              },
              "order-routing.yaml",
              out ->
                  assertThat(out)
                      .containsEntry("approval", "manual review")
                      .containsEntry("shippingDays", 1)
                      .containsEntry("customs", true),
              "word-stats.yaml",
              out ->
                  assertThat(out.get("total"))
                      .isEqualTo(Map.of("sentences", 3, "longSentences", 1)),
              "retry-and-recover.yaml",
              out ->
                  assertThat(out)
                      .containsEntry("fetchedOnAttempt", 3)
                      .containsEntry("rounds", 3)
                      .containsEntry("finalScore", 90),
              "approval.yaml",
              out ->
                  assertThat(out)
                      .containsEntry("deployed", "app-1.4.0.jar")
                      .containsEntry("comment", "ship it"),
              "event-handoff.yaml",
              out ->
                  assertThat(out)
                      .containsEntry("order", "A-17")
                      .containsEntry(
                          "payment", Map.of("orderId", "A-17", "amount", 42.5, "currency", "EUR")),
              "proofread.yaml",
              out ->
                  assertThat(out)
                      .containsEntry("text", "A DRAFT TO PROOFREAD")
                      .containsEntry("words", 4),
              "review-pipeline.yaml",
              out -> assertThat((List<?>) out.get("proofread")).hasSize(2),
              "build-pipeline.yaml",
              out -> {
                assertThat(out).containsEntry("app", "shop");
                assertThat((List<?>) out.get("stages"))
                    .hasSize(6)
                    .last()
                    .isEqualTo("Tested shop: all checks pass.");
              }));

  static {
    // Map.of takes ten entries at most.
    EXPECTED.put(
        "mplp-stages.yaml",
        out -> {
          assertThat(out).containsEntry("approval", "approved");
          assertThat(String.valueOf(out.get("decisions"))).contains("decided_by_role=reviewer");
          assertThat((String) out.get("planId")).hasSize(36);
          assertThat((String) out.get("traceId")).hasSize(36);
        });
    EXPECTED.put(
        "multi-agent-publish.yaml",
        out -> {
          assertThat(out).containsEntry("sections", List.of("history", "science"));
          assertThat(String.valueOf(out.get("research")))
              .as("the researchers read the library through the MCP filesystem server")
              .contains("Venerable Bede")
              .contains("24 hours 50 minutes");
          assertThat(out).containsEntry("rounds", 2).containsEntry("review", "clear and sourced");
          assertThat(String.valueOf(out.get("article"))).startsWith("Tides, second draft.");
          Map<?, ?> published = (Map<?, ?>) out.get("published");
          assertThat(published.get("topic")).isEqualTo("published");
          assertThat(published.get("from")).isEqualTo("publish");
          assertThat(published.get("content")).isEqualTo(out.get("article"));
        });
    EXPECTED.put(
        "agents-offline.yaml",
        out -> {
          assertThat((List<?>) out.get("facts")).hasSize(2);
          assertThat(String.valueOf(out.get("draft"))).startsWith("[offline model]");
          assertThat(String.valueOf(out.get("review"))).startsWith("[offline model] review:");
        });
  }

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @Test
  void thereAreAtLeastEightExamplesAndEachHasExpectations() throws IOException {
    List<String> names = examples().map(p -> p.getFileName().toString()).toList();
    assertThat(names).hasSizeGreaterThanOrEqualTo(8);
    assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(names);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  @SuppressWarnings("unchecked")
  void runsToCompletion(Path example) throws IOException {
    List<String> args = new ArrayList<>(List.of("run", example.toString()));
    args.addAll(ciArgs(example));
    var t = CapturedTerminal.plain();

    int exit = t.run(args.toArray(String[]::new));

    assertThat(exit).as("exit code of %s; stderr:%n%s", args, t.err()).isZero();
    assertThat(t.err()).contains("run completed");
    Object outputs = JsonText.value(t.out());
    assertThat(outputs).as("stdout is the outputs as JSON: %s", t.out()).isInstanceOf(Map.class);
    EXPECTED.get(example.getFileName().toString()).accept((Map<String, Object>) outputs);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void isValidAndDrawable(Path example) {
    var validate = CapturedTerminal.plain();
    assertThat(validate.run("validate", example.toString())).as(validate.out()).isZero();
    assertThat(validate.out()).contains("ok " + example);

    var graph = CapturedTerminal.plain();
    assertThat(graph.run("graph", example.toString())).isZero();
    assertThat(graph.out()).startsWith("flowchart TD\n");
  }

  /**
   * The example's {@code # ci-args:}; paths in them are relative to the repository's root (where
   * {@code .ci/run} runs them), so those under {@code examples/} are rebased onto {@link
   * #EXAMPLES}.
   */
  static List<String> ciArgs(Path example) throws IOException {
    for (String line : Files.readAllLines(example)) {
      if (line.startsWith("# ci-args:")) {
        return ShellWords.split(line.substring("# ci-args:".length())).stream()
            .map(a -> a.startsWith("examples/") ? EXAMPLES.resolve(a.substring(9)).toString() : a)
            .toList();
      }
    }
    return List.of();
  }

  /** The MCP servers the examples use (multi-agent-publish's library), installed once. */
  @BeforeAll
  static void installMcpServers() throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                "bash", EXAMPLES.resolveSibling("scripts/ensure-mcp-servers.sh").toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("scripts/ensure-mcp-servers.sh: %s", out).isZero();
  }
}
