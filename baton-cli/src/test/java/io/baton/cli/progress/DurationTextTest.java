package io.baton.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationTextTest {

  @ParameterizedTest
  @CsvSource({
    "500ms, PT0.5S",
    "30s, PT30S",
    "10m, PT10M",
    "1h30m, PT1H30M",
    "PT10M, PT10M",
    "2d, PT48H"
  })
  void parsesTheFormsPeopleWrite(String text, String iso) {
    assertThat(DurationText.parse(text)).isEqualTo(Duration.parse(iso));
  }

  @Test
  void saysWhatFormsItAcceptsWhenItCannotParse() {
    assertThatThrownBy(() -> DurationText.parse("ten minutes"))
        .hasMessage(
            "'ten minutes' is not a duration; write it like 500ms, 30s, 10m, 1h30m or PT10M");
    assertThatThrownBy(() -> DurationText.parse("10m5"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({"PT0.012S, 12ms", "PT1.25S, 1.3s", "PT2M3S, 2m03s", "PT1H5M, 1h05m"})
  void formatsShortly(String iso, String text) {
    assertThat(DurationText.format(Duration.parse(iso))).isEqualTo(text);
  }
}
