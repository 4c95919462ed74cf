package io.baton.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Where the benchmarks write: {@code RESULT} lines to the result stream (standard output),
 * everything meant for people watching (progress, spreads) to the progress stream (standard error),
 * so that results can be piped.
 */
final class Reporter {
  private final PrintStream results;
  private final PrintStream progress;

  Reporter(PrintStream results, PrintStream progress) {
    this.results = results;
    this.progress = progress;
  }

  /** A progress line, {@link String#format} style. */
  void progress(String format, Object... args) {
    progress.println("[bench] " + String.format(Locale.ROOT, format, args));
    progress.flush();
  }

  /**
   * Reports that a measurement could not be made, on the progress stream; results get no line for
   * it.
   */
  void failure(String what, Exception cause) {
    progress.println("FAILED " + what + ": " + cause);
    progress.flush();
  }

  /**
   * Prints a workload's figure, then what it cost per {@code unit} of work (see {@link
   * Measurement#costs}).
   */
  void results(Result figure, Measurement measurement, String unit, double unitsPerRepetition) {
    result(figure);
    measurement.costs(figure, unit, unitsPerRepetition).forEach(this::result);
  }

  /** Prints a result line, and its spread as progress. */
  void result(Result result) {
    results.println(result.line());
    results.flush();
    progress(
        "%s %s %s: %s %s",
        result.workload(), result.variant(), result.metric(), result.spread(), result.unit());
  }
}
