package io.baton.cli.runs;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --store} option of the {@code runs} commands. */
public final class StoreOption {
  @Option(
      names = {"-s", "--store"},
      paramLabel = "LOCATION",
      defaultValue = StoreLocations.DEFAULT,
      description =
          "The store: h2:FILE, jdbc:postgresql://HOST:PORT/DB, … (default ${DEFAULT-VALUE}).")
  String location;

  @Option(
      names = "--store-option",
      paramLabel = "KEY=VALUE",
      description =
          "A store option (repeatable): user, password, poolSize, connectAttempts, connectDelayMs,"
              + " maxValueBytes.")
  Map<String, String> options = new LinkedHashMap<>();

  /** The store options given. */
  public Map<String, String> options() {
    return options;
  }

  /** The location given, or the default. */
  public String location() {
    return location;
  }
}
