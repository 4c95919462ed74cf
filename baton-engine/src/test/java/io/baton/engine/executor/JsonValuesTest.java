package io.baton.engine.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

  record Point(int x, int y) {}

  @Test
  void mapsListsNumbersAndRecordsBecomeCopiedJsonValues() {
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("n", 1);
    in.put("items", List.of(2.5f, "a", true));
    in.put("point", new Point(3, 4));
    in.put("none", null);

    Object out = JsonValues.normalize(in);

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("n", 1L);
    expected.put("items", List.of(2.5d, "a", true));
    expected.put("point", Map.of("x", 3L, "y", 4L));
    expected.put("none", null);
    assertThat(out).isEqualTo(expected).isNotSameAs(in);
  }

  @Test
  void aValueThatIsNotJsonIsABadOutputNamingWhereItIs() {
    Map<String, Object> deep = Map.of("a", List.of("ok", Map.of("b", List.of(1, Double.NaN))));

    assertThatThrownBy(() -> JsonValues.normalize(deep))
        .isInstanceOfSatisfying(
            StepException.class,
            e -> assertThat(e.failure().kind()).isEqualTo(ErrorKind.BAD_OUTPUT))
        .hasMessageStartingWith(
            "the step returned the number NaN, which JSON cannot hold at $.a[1].b[1];");
  }

  @Test
  void aNonStringKeyIsNamedAtTheMapHoldingIt() {
    Map<Object, Object> numbered = new HashMap<>();
    numbered.put(7, "seven");

    assertThatThrownBy(() -> JsonValues.normalize(Map.of("x", List.of(numbered))))
        .isInstanceOf(StepException.class)
        .hasMessageContaining(
            "a map key of type java.lang.Integer; JSON keys are strings at $.x[0];");
  }

  @Test
  void aThreadAtTheTopIsNamedAtTheRoot() {
    assertThatThrownBy(() -> JsonValues.normalize(Thread.currentThread()))
        .isInstanceOf(StepException.class)
        .hasMessageContaining("at $;");
  }
}
