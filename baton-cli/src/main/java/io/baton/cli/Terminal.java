package io.baton.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where the CLI talks to its user: results go to {@code out}, progress, questions and errors to
 * {@code err}, answers come from {@code in}. Passed to every command explicitly, so that tests run
 * the CLI in-process on captured streams.
 *
 * <pre>{@code
 * int exit = BatonCli.execute(Terminal.system(), "run", "examples/hello.yaml");
 * }</pre>
 *
 * @param out where results go (output JSON, graphs, reports)
 * @param err where progress, notices, questions and errors go
 * @param in where a person's answers are read from
 * @param interactive whether a person is at a terminal: live progress, questions asked on the
 *     terminal
 * @param colour whether ANSI colours may be used
 * @param width the terminal's width in columns, for truncating progress lines
 */
public record Terminal(
    PrintStream out,
    PrintStream err,
    BufferedReader in,
    boolean interactive,
    boolean colour,
    int width) {

  private static final int DEFAULT_WIDTH = 120;

  /** The process's own streams, interactive when a person is at a terminal that is not dumb. */
  public static Terminal system() {
    Map<String, String> env = System.getenv();
    boolean interactive = isInteractive(env);
    return new Terminal(
        System.out,
        System.err,
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
        interactive,
        interactive && !env.containsKey("NO_COLOR"),
        width(env));
  }

  /**
   * A non-interactive terminal on the given streams, as in CI: plain progress, no questions, no
   * colour.
   */
  public static Terminal plain(PrintStream out, PrintStream err, BufferedReader in) {
    return new Terminal(out, err, in, false, false, DEFAULT_WIDTH);
  }

  private static boolean isInteractive(Map<String, String> env) {
    Console console = System.console();
    if (console == null || "dumb".equals(env.get("TERM"))) {
      return false;
    }
    // From JDK 22 System.console() is not null even when the streams are redirected; isTerminal()
    // (22+) tells
    // whether they really are a terminal. The CLI is compiled for 21, hence the reflective call.
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  private static int width(Map<String, String> env) {
    try {
      int columns = Integer.parseInt(env.getOrDefault("COLUMNS", ""));
      return columns >= 40 ? columns : DEFAULT_WIDTH;
    } catch (NumberFormatException e) {
      return DEFAULT_WIDTH;
    }
  }
}
