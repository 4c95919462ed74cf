package io.baton.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputCheckTest {
  private static final Map<String, Object> SCHEMA =
      Map.of(
          "type", "object",
          "required", List.of("goal"),
          "properties",
              Map.of(
                  "goal", Map.of("type", "string"),
                  "rounds", Map.of("type", "integer", "default", 2)));

  @Test
  void fillsInDefaults() {
    assertThat(InputCheck.withDefaults(SCHEMA, Map.of("goal", "x")))
        .isEqualTo(Map.of("goal", "x", "rounds", 2));
    assertThat(InputCheck.withDefaults(SCHEMA, Map.of("rounds", 5))).isEqualTo(Map.of("rounds", 5));
  }

  @Test
  void namesEachProblem() {
    assertThat(InputCheck.problems(SCHEMA, Map.of("goal", "x", "rounds", 2))).isEmpty();
    assertThat(InputCheck.problems(Map.of(), Map.of("anything", 1))).isEmpty();
    List<String> problems = InputCheck.problems(SCHEMA, Map.of("rounds", "many"));
    assertThat(problems).hasSize(2);
    assertThat(String.join("\n", problems)).contains("goal").contains("rounds");
  }
}
