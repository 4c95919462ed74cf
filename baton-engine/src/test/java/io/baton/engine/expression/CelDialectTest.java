package io.baton.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.spi.ExpressionException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CelDialectTest {
  private static final CelDialect CEL = new CelDialect();

  private static Object eval(String source, Map<String, Object> variables) {
    return CEL.compile(source).evaluate(variables);
  }

  private static Map<String, Object> inputs(Object... keyValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return Map.of("inputs", map);
  }

  @Test
  void namedCelAndDeclaresWellKnownVariables() {
    assertThat(CEL.name()).isEqualTo("cel");
    assertThat(CEL.variables()).containsExactlyInAnyOrderElementsOf(Variables.WELL_KNOWN);
  }

  @Test
  void integersOfEveryJavaWidthBecomeLong() {
    Map<String, Object> vars = inputs("i", 3, "l", 4L, "s", (short) 5, "b", (byte) 6);
    assertThat(eval("inputs.i + inputs.l + inputs.s + inputs.b", vars)).isEqualTo(18L);
    assertThat(eval("inputs.i", vars)).isEqualTo(3L);
  }

  @Test
  void decimalsBecomeDoubleAndCompareWithIntegers() {
    Map<String, Object> vars = inputs("d", 2.5, "f", 1.5f, "bd", new BigDecimal("0.25"), "i", 3);
    assertThat(eval("inputs.d + inputs.f + inputs.bd", vars)).isEqualTo(4.25);
    assertThat(eval("inputs.i > 2.5 && inputs.d < 3 && inputs.i == 3.0", vars)).isEqualTo(true);
  }

  @Test
  void nullsAndNestedStructuresRoundTripAsPlainJava() {
    Map<String, Object> nested = new HashMap<>();
    nested.put("n", null);
    nested.put("list", Arrays.asList(1, null, Map.of("k", 2)));
    Map<String, Object> vars = inputs("nested", nested);

    assertThat(eval("inputs.nested.n == null", vars)).isEqualTo(true);
    assertThat(eval("inputs.nested.n", vars)).isNull();
    assertThat(eval("inputs.nested.list[2].k", vars)).isEqualTo(2L);
    Object whole = eval("inputs.nested", vars);
    assertThat(whole).isInstanceOf(Map.class);
    assertThat(((Map<?, ?>) whole).get("list")).isEqualTo(Arrays.asList(1L, null, Map.of("k", 2L)));
  }

  @Test
  void literalsAndComputedCollectionsComeBackAsPlainJava() {
    assertThat(eval("{'a': [1, 2.5, 'x', null, true]}", Map.of()))
        .isEqualTo(Map.of("a", Arrays.asList(1L, 2.5, "x", null, true)));
    assertThat(eval("null", Map.of())).isNull();
    assertThat(eval("[3, 1, 2].sort().map(x, x * 2)", Map.of())).isEqualTo(List.of(2L, 4L, 6L));
  }

  @Test
  void richerCelValuesFollowTheProtobufJsonMapping() {
    assertThat(eval("b'hi'", Map.of())).isEqualTo("aGk=");
    assertThat(eval("timestamp('2020-01-01T00:00:00Z')", Map.of()))
        .isEqualTo("2020-01-01T00:00:00Z");
    assertThat(eval("duration('1.5s')", Map.of())).isEqualTo("1.5s");
    assertThat(eval("1u", Map.of())).isEqualTo(1L);
    assertThat(eval("18446744073709551615u", Map.of())).isEqualTo(1.8446744073709552E19);
    assertThat(eval("type(1)", Map.of())).isEqualTo("int");
    assertThat(eval("inputs.?x", inputs())).isNull();
  }

  @Test
  void extensionsAndOptionalsAreAvailable() {
    Map<String, Object> vars = inputs("s", "Hello", "limit", 7);
    assertThat(eval("inputs.s.lowerAscii()", vars)).isEqualTo("hello");
    assertThat(eval("math.greatest(1, 2.5)", vars)).isEqualTo(2.5);
    assertThat(eval("inputs.?missing.orValue(10)", vars)).isEqualTo(10L);
    assertThat(eval("inputs.?limit.orValue(10)", vars)).isEqualTo(7L);
    assertThat(eval("has(inputs.missing)", vars)).isEqualTo(false);
    assertThat(eval("cel.bind(x, inputs.limit, x * x)", vars)).isEqualTo(49L);
  }

  @Test
  void extraVariablesCanBeDeclared() {
    CelDialect dialect = new CelDialect(Set.of("tenant"));
    assertThat(dialect.compile("tenant.id").evaluate(Map.of("tenant", Map.of("id", "t1"))))
        .isEqualTo("t1");
    assertThatThrownBy(() -> new CelDialect(Set.of("in")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'in'");
    assertThatThrownBy(() -> new CelDialect(Set.of("a-b")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1 +              | 3",
        "inputs.x +* 2    | 10",
        "inputs.x == 'a   | 12",
        "foo.bar          | 0",
        "inputs.a && nope | 12",
        "size(inputs, 1, 2) | 4",
      })
  void compileErrorsCarryTheirPosition(String source, int position) {
    assertThatThrownBy(() -> CEL.compile(source))
        .isInstanceOfSatisfying(
            ExpressionException.class,
            e -> {
              assertThat(e.position()).isEqualTo(position);
              assertThat(e.expression()).isEqualTo(source);
            })
        .hasMessageContaining("does not compile");
  }

  @Test
  void compileErrorPositionsCountCharactersAcrossLines() {
    String source = "inputs.a &&\n  inputs.b +* 1";
    assertThatThrownBy(() -> CEL.compile(source))
        .isInstanceOfSatisfying(
            ExpressionException.class,
            e -> assertThat(e.position()).isEqualTo(source.indexOf('*')));
  }

  @Test
  void unknownNamesAreExplained() {
    assertThatThrownBy(() -> CEL.compile("plan.result.x"))
        .hasMessageContaining("unknown variable 'plan'")
        .hasMessageContaining("steps.<id>.output");
    assertThatThrownBy(() -> CEL.compile("shout(inputs.x)"))
        .hasMessageContaining("unknown function 'shout'");
    assertThatThrownBy(() -> CEL.compile("  ")).isInstanceOf(ExpressionException.class);
  }

  @Test
  void missingKeyNamesTheKeyAndWhatIsAvailable() {
    Map<String, Object> vars =
        Map.of("steps", Map.of("plan", Map.of("output", Map.of("a", 1, "b", 2))));
    assertThatThrownBy(() -> eval("steps.plan.output.tasks.size() > 0", vars))
        .isInstanceOfSatisfying(
            ExpressionException.class, e -> assertThat(e.position()).isEqualTo(17))
        .hasMessageContaining("no field 'tasks'")
        .hasMessageContaining("available: [a, b]");
  }

  @Test
  void wrongTypesSayWhatTheOperatorTakes() {
    assertThatThrownBy(() -> eval("inputs.s + 1", inputs("s", "x")))
        .isInstanceOfSatisfying(
            ExpressionException.class, e -> assertThat(e.position()).isEqualTo(9))
        .hasMessageContaining("operator '+' does not apply")
        .hasMessageContaining("add_int64");
    assertThatThrownBy(() -> eval("inputs.i / 0", inputs("i", 1)))
        .hasMessageContaining("division by zero");
    assertThatThrownBy(() -> eval("inputs.list[3]", inputs("list", List.of(1))))
        .hasMessageContaining("3");
  }

  @Test
  void readingAVariableThatIsNotSetNamesIt() {
    assertThatThrownBy(() -> eval("item.name == 'x'", inputs()))
        .isInstanceOfSatisfying(
            ExpressionException.class, e -> assertThat(e.position()).isEqualTo(0))
        .hasMessageContaining("variable 'item' is not set")
        .hasMessageContaining("[inputs]");
  }

  @Test
  void topLevelNullVariableIsNull() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("previous", null);
    assertThat(eval("previous == null", vars)).isEqualTo(true);
  }

  @Test
  void collectionsOtherThanListsAreReadAsLists() {
    assertThat(eval("size(inputs.set)", inputs("set", Set.of(1, 2)))).isEqualTo(2L);
    assertThat(eval("inputs.list[0]", inputs("list", new ArrayList<>(List.of("a")))))
        .isEqualTo("a");
  }
}
