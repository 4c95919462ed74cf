package io.baton.cli;

import io.baton.api.definition.WorkflowDefinition;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code baton validate FILE…}: checks workflow files without running them and prints every error
 * and warning with its location. Exit 2 when any file has an error, 0 otherwise (warnings alone do
 * not fail).
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Checks workflow files and prints every error and warning with its location.",
    footer = {
      "",
      "Examples:",
      "  baton validate examples/*.yaml",
      "",
      "Exit codes: 0 no errors (warnings allowed), 2 some file has errors."
    })
final class ValidateCommand implements Callable<Integer> {
  private final Terminal terminal;
  private final WorkflowFiles files = new WorkflowFiles();

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The workflow files to check.")
  private List<Path> paths;

  ValidateCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    PrintStream out = terminal.out();
    int invalid = 0;
    for (Path file : paths) {
      Loaded<WorkflowDefinition> loaded = files.load(file);
      loaded.errors().forEach(out::println);
      loaded.warnings().forEach(out::println);
      List<String> missing = loaded.ok() ? missingSubworkflows(file, loaded.value()) : List.of();
      missing.forEach(m -> out.println(file + ": warning " + m));
      if (loaded.ok()) {
        WorkflowDefinition d = loaded.value();
        out.println(
            "ok "
                + file
                + " ("
                + d.id()
                + " "
                + d.version()
                + ", "
                + ProblemReport.count(d.allSteps().size(), "step")
                + warnings(loaded.warnings().size() + missing.size())
                + ")");
      } else {
        invalid++;
        out.println(
            "invalid "
                + file
                + " ("
                + ProblemReport.count(loaded.errors().size(), "error")
                + warnings(loaded.warnings().size())
                + ")");
      }
    }
    if (invalid > 0) {
      terminal
          .err()
          .println(
              "baton: "
                  + ProblemReport.count(invalid, "file")
                  + " of "
                  + paths.size()
                  + " invalid; fix the errors listed above");
      return ExitCodes.INVALID;
    }
    return ExitCodes.OK;
  }

  private List<String> missingSubworkflows(Path file, WorkflowDefinition definition) {
    Path dir = file.toAbsolutePath().getParent();
    return new SubworkflowLibrary(files, List.of(dir)).resolve(definition).problems();
  }

  private static String warnings(int n) {
    return n == 0 ? "" : ", " + ProblemReport.count(n, "warning");
  }
}
