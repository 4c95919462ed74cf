package io.baton.cli;

import io.baton.cli.progress.DurationText;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations on the command line: {@code 30s}, {@code 10m}, {@code 1h30m}, {@code PT10M}. */
public final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      Duration duration = DurationText.parse(value);
      if (duration.isZero()) {
        throw new TypeConversionException("a duration must be longer than zero, e.g. 30s or 10m");
      }
      return duration;
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
