package io.baton.cli;

import io.baton.bench.BenchMain;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code baton bench W1 W2 …|all}: runs benchmark workloads of {@code baton-bench} and prints their
 * RESULT lines.
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
      "Exit codes: 0 done, 1 a workload computed a wrong result, 2 unknown workload.",
      "See docs/benchmarks.md for the workloads."
    })
final class BenchCommand implements Callable<Integer> {
  private final Terminal terminal;

  @Parameters(arity = "1..*", paramLabel = "WORKLOAD", description = "Workload names, or 'all'.")
  private List<String> workloads;

  BenchCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    return BenchMain.run(workloads, terminal.out(), terminal.err());
  }
}
