package io.baton.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version printed by {@code baton --version}, written into {@code version.properties} by the
 * build.
 */
public final class BatonVersion implements IVersionProvider {

  /** The build's version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String current() {
    try (InputStream in = BatonVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "baton " + current(),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"
    };
  }
}
