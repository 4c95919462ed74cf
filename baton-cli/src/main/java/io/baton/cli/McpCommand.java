package io.baton.cli;

import io.baton.ai.mcp.server.McpWorkflowServer;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.cli.run.LocalEngine;
import io.baton.engine.config.EngineConfig;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code baton mcp FILE|DIR…}: serves workflows as MCP tools over stdio, for MCP clients (an IDE, a
 * desktop assistant, another agent) that start it as a process. Standard output carries only the
 * protocol; logs and problems go to standard error.
 */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description =
        "Serves workflows as MCP tools over stdio: each workflow is a tool named after its id, its"
            + " inputs schema the tool's input schema; a call runs the workflow and answers its"
            + " outputs.",
    footer = {
      "",
      "Examples:",
      "  baton mcp examples/order-routing.yaml",
      "  baton mcp flows/            (every .yaml, .yml and .json file of the directory)",
      "",
      "Exit codes: 0 the client closed the connection, 2 a workflow file is invalid."
    })
final class McpCommand implements Callable<Integer> {
  private final Terminal terminal;
  private final WorkflowFiles files = new WorkflowFiles();

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|DIR",
      description = "The workflows to expose: files, or directories of workflow files.")
  private List<Path> paths;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "10m",
      converter = DurationConverter.class,
      description = "How long one tool call may wait for its run (default ${DEFAULT-VALUE}).")
  private Duration timeout;

  McpCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws InterruptedException {
    ProblemReport report = new ProblemReport(terminal.err());
    List<String> problems = new ArrayList<>();
    List<WorkflowDefinition> workflows = new ArrayList<>();
    for (Path file : workflowFiles(problems)) {
      Loaded<WorkflowDefinition> loaded = files.load(file);
      problems.addAll(loaded.errors());
      report.warnings(loaded.warnings());
      if (loaded.ok()) {
        workflows.add(loaded.value());
      }
    }
    if (!problems.isEmpty()) {
      return report.invalid(problems, "fix the workflows above; nothing was served");
    }
    try (LocalEngine engine = LocalEngine.start(EngineConfig.DEFAULTS, workflows);
        McpWorkflowServer server =
            McpWorkflowServer.stdio(
                engine.baton(),
                workflows,
                // the process's own streams: the protocol must not pass through the terminal's
                new FileInputStream(FileDescriptor.in),
                new FileOutputStream(FileDescriptor.out),
                timeout)) {
      terminal
          .err()
          .println(
              "baton mcp: serving "
                  + ProblemReport.count(workflows.size(), "workflow")
                  + " as MCP tools on stdio: "
                  + String.join(", ", workflows.stream().map(WorkflowDefinition::id).toList()));
      server.await();
    }
    return ExitCodes.OK;
  }

  /** The files named, and the workflow files of the directories named. */
  private List<Path> workflowFiles(List<String> problems) {
    List<Path> out = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.isDirectory(path)) {
        out.add(path);
        continue;
      }
      try (Stream<Path> listing = Files.list(path)) {
        List<Path> found =
            listing
                .filter(p -> p.getFileName().toString().matches("(?i).+\\.(ya?ml|json)"))
                .sorted()
                .toList();
        if (found.isEmpty()) {
          problems.add(path + ": error no-workflows: no .yaml, .yml or .json file in it");
        }
        out.addAll(found);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }
}
