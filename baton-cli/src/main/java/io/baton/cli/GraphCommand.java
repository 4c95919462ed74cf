package io.baton.cli;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.cli.graph.MermaidGraph;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code baton graph FILE}: prints the workflow as a Mermaid flowchart, to paste into Markdown
 * (GitHub renders it) or the Mermaid live editor.
 */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = "Prints a workflow as a Mermaid flowchart (nested steps as subgraphs).",
    footer = {
      "",
      "Examples:",
      "  baton graph examples/research-team.yaml > research-team.mmd",
      "",
      "Exit codes: 0 printed, 2 the file is invalid."
    })
final class GraphCommand implements Callable<Integer> {
  private final Terminal terminal;

  @Parameters(index = "0", paramLabel = "FILE", description = "The workflow file.")
  private Path file;

  GraphCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    Loaded<WorkflowDefinition> loaded = new WorkflowFiles().load(file);
    if (!loaded.ok()) {
      return new ProblemReport(terminal.err())
          .invalid(
              loaded.errors(),
              file + " is invalid; 'baton validate " + file + "' lists the problems");
    }
    terminal.out().print(MermaidGraph.of(loaded.value()));
    return ExitCodes.OK;
  }
}
