package io.baton.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code baton} command: runs, validates and draws workflows, and runs the benchmarks.
 *
 * <pre>{@code
 * baton run examples/hello.yaml --input name=Ada
 * baton validate examples/*.yaml
 * baton graph examples/research-team.yaml
 * baton mcp examples/order-routing.yaml
 * }</pre>
 *
 * <p>Exit codes are those of {@link ExitCodes}. Embedders and tests call {@link #execute(Terminal,
 * String...)}, which never exits the JVM.
 */
@Command(
    name = "baton",
    mixinStandardHelpOptions = true,
    versionProvider = BatonVersion.class,
    description = "Durable workflows for AI agents: run, validate and draw workflow files.",
    subcommands = {
      RunCommand.class,
      ValidateCommand.class,
      GraphCommand.class,
      McpCommand.class,
      BenchCommand.class,
      io.baton.cli.runs.RunsCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 done, 1 the run failed, 2 invalid workflow, input or option,"
          + " 3 store unavailable.",
      "Docs: docs/cli.md"
    })
public final class BatonCli implements Callable<Integer> {

  @Spec private CommandSpec spec;

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(execute(Terminal.system(), args));
  }

  /**
   * Runs a command line on {@code terminal} and returns its exit code, without exiting the JVM.
   *
   * @param terminal where to read and write
   * @param args the arguments after {@code baton}
   * @return one of {@link ExitCodes}
   */
  public static int execute(Terminal terminal, String... args) {
    CommandLine commandLine = new CommandLine(new BatonCli(), new TerminalFactory(terminal));
    commandLine.setOut(new PrintWriter(terminal.out(), true));
    commandLine.setErr(new PrintWriter(terminal.err(), true));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler(new UsageErrors());
    commandLine.setExecutionExceptionHandler(new UnexpectedErrors());
    commandLine.setUsageHelpAutoWidth(false);
    return commandLine.execute(args);
  }

  /** {@code baton} alone: says what it can do. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    spec.commandLine().getErr().println();
    spec.commandLine().getErr().println("baton: a command is needed, e.g. 'baton run FILE'.");
    return ExitCodes.INVALID;
  }
}
