package io.baton.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormValuesTest {

  @Test
  void readsAnswersAsTheirSchemaSays() {
    assertThat(FormValues.parse("yes", Map.of("type", "boolean"))).isEqualTo(true);
    assertThat(FormValues.parse(" 42 ", Map.of("type", "integer"))).isEqualTo(42L);
    assertThat(FormValues.parse("4.5", Map.of("type", "number"))).isEqualTo(4.5);
    assertThat(FormValues.parse("42", Map.of("type", "string"))).isEqualTo("42");
    assertThat(FormValues.parse("[1, 2]", Map.of("type", "array"))).isEqualTo(List.of(1, 2));
    assertThat(FormValues.parse("{\"a\": 1}", Map.of())).isEqualTo(Map.of("a", 1));
    assertThat(FormValues.parse("looks good", Map.of())).isEqualTo("looks good");
    assertThat(FormValues.parse("2", Map.of("type", "integer", "enum", List.of(1, 2))))
        .isEqualTo(2L);
  }

  @Test
  void saysWhatWasExpected() {
    assertThatThrownBy(() -> FormValues.parse("maybe", Map.of("type", "boolean")))
        .hasMessage("expected y or n");
    assertThatThrownBy(() -> FormValues.parse("red", Map.of("enum", List.of("low", "high"))))
        .hasMessage("expected one of [low, high]");
    assertThatThrownBy(() -> FormValues.parse("x", Map.of("type", "object")))
        .hasMessage("expected a JSON object such as {\"a\": 1}");
  }

  @Test
  void givesAnExampleAnswerForAForm() {
    Map<String, Object> form =
        Map.of(
            "type",
            "object",
            "properties",
            Map.of("level", Map.of("enum", List.of("low", "high"))));
    assertThat(FormValues.example(form)).isEqualTo(" (a JSON object, e.g. '{\"level\": \"low\"}')");
    assertThat(FormValues.example(Map.of("type", "boolean"))).isEqualTo(" (y/n)");
    assertThat(FormValues.example(Map.of())).isEmpty();
  }
}
