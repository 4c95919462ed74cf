package io.baton.cli;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code baton bench W1 W2 …|all}: runs benchmark workloads of {@code baton-bench} and prints their
 * RESULT lines.
 *
 * <p>The workloads live in {@code io.baton.bench.BenchMain}, which is looked up at run time so that
 * the CLI builds and says so clearly when a build does not include the benchmarks.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Runs benchmark workloads and prints one RESULT line per measurement.",
    footer = {
      "",
      "Examples:",
      "  baton bench all",
      "",
      "Exit codes: 0 done, 1 a workload failed, 2 unknown workload or benchmarks not built.",
      "See docs/benchmarks.md for the workloads."
    })
final class BenchCommand implements Callable<Integer> {
  static final String ENTRY_POINT = "io.baton.bench.BenchMain";

  private final Terminal terminal;

  @Parameters(arity = "1..*", paramLabel = "WORKLOAD", description = "Workload names, or 'all'.")
  private List<String> workloads;

  BenchCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    Method run;
    try {
      run = Class.forName(ENTRY_POINT).getMethod("run", List.class, PrintStream.class);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      terminal
          .err()
          .println(
              "baton: benchmarks not built: this build has no "
                  + ENTRY_POINT
                  + ".run(List, PrintStream); build a version that includes baton-bench's workloads");
      return ExitCodes.INVALID;
    }
    try {
      Object result = run.invoke(null, workloads, terminal.out());
      return result instanceof Integer code ? code : ExitCodes.OK;
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException bad) {
        terminal.err().println("baton: " + bad.getMessage());
        return ExitCodes.INVALID;
      }
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
