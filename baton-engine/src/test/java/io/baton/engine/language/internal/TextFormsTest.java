package io.baton.engine.language.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.definition.ParallelMode;
import io.baton.api.definition.TimeoutAction;
import io.baton.api.run.ErrorCategory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Durations, enum spellings and "did you mean" suggestions. */
class TextFormsTest {

  @ParameterizedTest
  @CsvSource({
    "500ms, PT0.5S",
    "30s, PT30S",
    "5m, PT5M",
    "2h, PT2H",
    "1d, PT24H",
    "1h30m, PT1H30M",
    "PT5M, PT5M",
    "P1D, PT24H",
    "' 10s ', PT10S"
  })
  void durationsAreReadWithUnitsOrAsIso(String text, String iso) {
    assertThat(DurationText.parse(text)).contains(Duration.parse(iso));
  }

  @ParameterizedTest
  @CsvSource({"30", "1.5s", "5 minutes", "-5s", "PT-5M", "s", "''", "PTx"})
  void otherTextIsNotADuration(String text) {
    assertThat(DurationText.parse(text)).isEmpty();
  }

  @Test
  void aBareNumberGetsAHintWithUnits() {
    assertThat(DurationText.hint("30")).isEqualTo("write 30s, or 30ms: a duration needs a unit");
    assertThat(DurationText.hint("soon")).contains("500ms, 30s, 5m, 2h, 1d").contains("PT5M");
  }

  @ParameterizedTest
  @CsvSource({
    "PT0.5S, 500ms",
    "PT30S, 30s",
    "PT90S, 90s",
    "PT2H, 2h",
    "PT48H, 2d",
    "PT0S, 0s",
    "PT0.0000001S, PT0.0000001S"
  })
  void durationsAreWrittenInTheLargestExactUnit(String iso, String text) {
    assertThat(DurationText.format(Duration.parse(iso))).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({"allSettled", "all-settled", "ALL_SETTLED", "AllSettled", "all_settled"})
  void enumsAcceptEveryCaseStyle(String text) {
    assertThat(EnumText.parse(ParallelMode.class, text)).contains(ParallelMode.ALL_SETTLED);
  }

  @Test
  void enumsAreWrittenInCamelOrSnakeCase() {
    assertThat(EnumText.camel(TimeoutAction.USE_DEFAULT)).isEqualTo("useDefault");
    assertThat(EnumText.snake(ErrorCategory.NON_RETRYABLE)).isEqualTo("non_retryable");
    assertThat(EnumText.camelNames(ParallelMode.class)).containsExactly("allSettled", "failFast");
    assertThat(EnumText.parse(ParallelMode.class, "sometimes")).isEmpty();
  }

  @Test
  void didYouMeanFindsTyposCaseAndSeparatorVariants() {
    List<String> fields = List.of("dependsOn", "timeout", "retry", "tool", "type");
    assertThat(NearestName.among("dependson", fields)).isEqualTo("dependsOn");
    assertThat(NearestName.among("depends_on", fields)).isEqualTo("dependsOn");
    assertThat(NearestName.among("timeuot", fields)).isEqualTo("timeout");
    assertThat(NearestName.among("tol", fields)).isEqualTo("tool");
    assertThat(NearestName.hint("retyr", fields)).isEqualTo("did you mean \"retry\"?");
  }

  @Test
  void didYouMeanStaysQuietWhenNothingIsClose() {
    assertThat(NearestName.among("color", List.of("dependsOn", "timeout"))).isNull();
    assertThat(NearestName.among("q", List.of("a", "b"))).as("one letter").isNull();
    assertThat(NearestName.among("aa", List.of("a", "b"))).isEqualTo("a");
    assertThat(NearestName.hint(null, List.of("a"))).isNull();
  }

  @Test
  void editDistanceCountsATranspositionAsOneEdit() {
    assertThat(NearestName.distance("exponential", "exponentail")).isEqualTo(1);
    assertThat(NearestName.distance("abc", "abc")).isZero();
    assertThat(NearestName.distance("", "abc")).isEqualTo(3);
  }

  @Test
  void pointersEscapeTildeAndSlash() {
    assertThat(Pointer.child("/a", "b/c~d")).isEqualTo("/a/b~1c~0d");
    assertThat(Pointer.parent("/a/b")).isEqualTo("/a");
    assertThat(Pointer.parent("")).isNull();
  }

  @Test
  void pointerMapsTranslateTheLongestRegisteredPrefix() {
    PointerMap map = new PointerMap();
    map.put("/steps/1", "/workflow/steps/1");
    map.put("/steps/1/dependsOn", "/workflow/steps/1/dependencies");
    assertThat(map.toSource("/steps/1/dependsOn/0")).isEqualTo("/workflow/steps/1/dependencies/0");
    assertThat(map.toSource("/steps/1/when")).isEqualTo("/workflow/steps/1/when");
    assertThat(map.toSource("/steps/10")).isEqualTo("/steps/10");
  }
}
