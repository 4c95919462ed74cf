package io.baton.cli;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/** A terminal for tests: captured output and error streams, scripted input, interactive or not. */
public final class CapturedTerminal {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Terminal terminal;

  private CapturedTerminal(String input, boolean interactive) {
    terminal =
        new Terminal(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            new BufferedReader(new StringReader(input)),
            interactive,
            false,
            120);
  }

  /** As in CI: no person, no colour. */
  public static CapturedTerminal plain() {
    return new CapturedTerminal("", false);
  }

  /** A person typing {@code input} (lines separated by newlines). */
  public static CapturedTerminal interactive(String input) {
    return new CapturedTerminal(input, true);
  }

  public Terminal terminal() {
    return terminal;
  }

  /** Runs {@code baton args…} on this terminal. */
  public int run(String... args) {
    return BatonCli.execute(terminal, args);
  }

  public String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  public String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
