package io.baton.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.spi.ExpressionException;
import io.baton.engine.expression.internal.JsTranslator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JavaScriptDialectTest {
  private static final JavaScriptDialect JS = new JavaScriptDialect();
  private static final Map<String, Object> VARIABLES = variables();

  private static Map<String, Object> variables() {
    Map<String, Object> output = new HashMap<>();
    output.put("planId", "p-1");
    output.put("count", 3);
    output.put("ratio", 0.5);
    output.put("tags", List.of("a", "b"));
    output.put("nothing", null);
    output.put("empty", "");
    output.put("context-id", "c-9");
    Map<String, Object> evaluation = Map.of("output", output, "status", "COMPLETED");
    Map<String, Object> vars = new HashMap<>();
    vars.put("result", "A");
    vars.put("inputs", Map.of("x", Map.of("y", 5), "name", "Ada", "zero", 0, "on", true));
    vars.put("steps", Map.of("evaluation", evaluation));
    return vars;
  }

  private static Object eval(String source) {
    return JS.compile(source).evaluate(VARIABLES);
  }

  static Stream<Arguments> expressions() {
    return Stream.of(
        Arguments.of("result === \"A\"", true),
        Arguments.of("result === 'B'", false),
        Arguments.of("result !== \"B\" && !inputs.missing", true),
        Arguments.of("inputs.x.y > 3 || inputs.z == null", true),
        Arguments.of("inputs.x.y >= 5 && inputs.x.y <= 5 && inputs.x.y < 6", true),
        Arguments.of("inputs['name'] == \"Ada\"", true),
        Arguments.of("inputs[\"x\"]['y'] != 4", true),
        Arguments.of("inputs.missing === undefined", true),
        Arguments.of("inputs.missing === null", true),
        Arguments.of("inputs.name !== undefined", true),
        Arguments.of("evaluation.result.planId", "p-1"),
        Arguments.of("evaluation.output.count + 1", 4L),
        Arguments.of("evaluation.status === 'COMPLETED'", true),
        Arguments.of("evaluation.result['context-id']", "c-9"),
        Arguments.of("steps.evaluation.output.tags[1]", "b"),
        Arguments.of("steps.evaluation.output.tags.length", 2L),
        Arguments.of("inputs.name.length", 3L),
        Arguments.of("steps.evaluation.output.tags[5] === undefined", true),
        Arguments.of("steps.evaluation.output.nothing === null", true),
        Arguments.of("1 + 2 * 3 - 4 / 2", 5L),
        Arguments.of("(1 + 2) * 3", 9L),
        Arguments.of("7 / 2", 3.5),
        Arguments.of("7 % 4", 3L),
        Arguments.of("-inputs.x.y", -5L),
        Arguments.of("+2.5", 2.5),
        Arguments.of("0.1 + 0.2 > 0.3", true),
        Arguments.of("'a' + 1", "a1"),
        Arguments.of("1 + '1'", "11"),
        Arguments.of("'n=' + 2.0", "n=2"),
        Arguments.of("'a' < 'b'", true),
        Arguments.of("2 == 2.0", true),
        Arguments.of("'1' == 1", false),
        Arguments.of("true ? 1 : 'x'", 1L),
        Arguments.of("inputs.zero ? 'yes' : 'no'", "no"),
        Arguments.of("inputs.missing || 'default'", "default"),
        Arguments.of("inputs.name || 'default'", "Ada"),
        Arguments.of("inputs.name && inputs.zero", 0L),
        Arguments.of("inputs.missing && inputs.missing.deep", null),
        Arguments.of("!!inputs.name", true),
        Arguments.of("!steps.evaluation.output.empty", true),
        Arguments.of("inputs.missing > 3", false),
        Arguments.of("null < 1", false),
        Arguments.of("1 / 0", Double.POSITIVE_INFINITY),
        Arguments.of("'\\u0041\\x42\\n'", "AB\n"),
        Arguments.of("1e3", 1000.0),
        Arguments.of("1 || true", 1L),
        Arguments.of("0 || true", true),
        Arguments.of("inputs.on === true ? evaluation.result.count * 2 : 0", 6L),
        Arguments.of("item === undefined", true));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("expressions")
  void evaluatesWithJavaScriptSemantics(String source, Object expected) {
    assertThat(eval(source)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "condition {0}")
  @MethodSource("expressions")
  void conditionsYieldTheTruthinessOfTheValue(String source, Object expected) {
    assertThat(JS.compileCondition(source).evaluate(VARIABLES))
        .isEqualTo(Expressions.truthy(expected));
  }

  @Test
  void conditionsTranslateToPlainCelLogic() {
    assertThat(JS.translate("vars && !run")).startsWith("cel.bind(");
    assertThat(JsTranslator.conditionToCel("vars && !run", JS.variables()))
        .isEqualTo("(_js_truthy(vars) && !(_js_truthy(run)))");
  }

  static Stream<Arguments> unsupported() {
    return Stream.of(
        Arguments.of("foo(1)", 3, "function call"),
        Arguments.of("inputs.name.toUpperCase()", 23, "function call"),
        Arguments.of("x = 1", 2, "assignment"),
        Arguments.of("inputs.a += 1", 9, "assignment"),
        Arguments.of("x => x.y", 2, "arrow function"),
        Arguments.of("() => 1", 3, "arrow function"),
        Arguments.of("`hi ${result}`", 0, "template literal"),
        Arguments.of("result ?? 'x'", 7, "'??'"),
        Arguments.of("inputs?.x", 6, "optional chaining"),
        Arguments.of("typeof result === 'string'", 0, "'typeof'"),
        Arguments.of("new Date()", 0, "'new'"),
        Arguments.of("{a: 1}", 0, "object literal"),
        Arguments.of("[1, 2]", 0, "array literal"),
        Arguments.of("/ab+c/.test(result)", 0, "regular expression"),
        Arguments.of("result++", 6, "'++'"),
        Arguments.of("1, 2", 1, "comma operator"),
        Arguments.of("2 ** 3", 2, "'**'"),
        Arguments.of("1 & 2", 2, "bitwise operator '&'"),
        Arguments.of("'x' in inputs", 4, "'in' operator"),
        Arguments.of("0x1F", 0, "hexadecimal"),
        Arguments.of("result; result", 6, "';'"));
  }

  @ParameterizedTest(name = "{0} rejected at {1}")
  @MethodSource("unsupported")
  void rejectsConstructsOutsideTheSubsetAtTheirPosition(
      String source, int position, String construct) {
    assertThatThrownBy(() -> JS.compile(source))
        .isInstanceOfSatisfying(
            ExpressionException.class,
            e -> {
              assertThat(e.position()).isEqualTo(position);
              assertThat(e.expression()).isEqualTo(source);
            })
        .hasMessageContaining(construct)
        .hasMessageContaining("not supported by the built-in JavaScript dialect")
        .hasMessageContaining("GraalJS");
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("result ===", 10, "unexpected end of expression"),
        Arguments.of("(result", 7, "expected ')'"),
        Arguments.of("'open", 0, "unterminated string"),
        Arguments.of("result # 1", 7, "unexpected character '#'"),
        Arguments.of("a ? b", 5, "expected ':'"),
        Arguments.of("result result", 7, "unexpected 'result'"),
        Arguments.of("3x", 1, "right after a number"),
        Arguments.of("", 0, "empty expression"),
        Arguments.of("inputs.", 7, "property name"),
        Arguments.of("unknown === 1", 0, "unknown variable 'unknown'"),
        Arguments.of("plan.other", 0, "unknown variable 'plan'"));
  }

  @ParameterizedTest(name = "{0} malformed at {1}")
  @MethodSource("malformed")
  void reportsSyntaxErrorsAtTheirPosition(String source, int position, String message) {
    assertThatThrownBy(() -> JS.compile(source))
        .isInstanceOfSatisfying(
            ExpressionException.class, e -> assertThat(e.position()).isEqualTo(position))
        .hasMessageContaining(message);
  }

  @Test
  void readingAPropertyOfUndefinedFailsAtTheProperty() {
    assertThatThrownBy(() -> eval("inputs.missing.deep === 1"))
        .isInstanceOfSatisfying(
            ExpressionException.class, e -> assertThat(e.position()).isEqualTo(15))
        .hasMessageContaining("cannot read property 'deep' of null or undefined");
  }

  @Test
  void wrongOperandTypesAreErrorsNotCoercions() {
    assertThatThrownBy(() -> eval("inputs.on - 1"))
        .isInstanceOfSatisfying(
            ExpressionException.class, e -> assertThat(e.position()).isEqualTo(10))
        .hasMessageContaining("'-' needs numbers, got boolean true and number 1");
    assertThatThrownBy(() -> eval("inputs.name < 3"))
        .hasMessageContaining("compares two numbers or two strings");
    assertThatThrownBy(() -> eval("-inputs.name")).hasMessageContaining("unary '-' needs a number");
  }

  @Test
  void translatesToReadableCel() {
    assertThat(JS.translate("result === \"A\"")).isEqualTo("(result == \"A\")");
    assertThat(JS.translate("1 === 'a'")).isEqualTo("(dyn(1) == dyn(\"a\"))");
    assertThat(JS.translate("plan.result.x"))
        .isEqualTo("_js_get(_js_get(_js_get(steps, \"plan\", 0), \"output\", 5), \"x\", 12)");
    assertThat(JS.translate("vars || run"))
        .isEqualTo("cel.bind(__js0, vars, _js_truthy(__js0) ? __js0 : run)");
  }

  @Test
  void largeNumbersOverflowToDoublesLikeJavaScript() {
    assertThat(eval("9223372036854775807 + 1")).isEqualTo(9.223372036854775807E18);
    assertThat(eval("99999999999999999999")).isEqualTo(1.0E20);
  }

  @Test
  void arraysAndObjectsComeBackAsPlainJava() {
    assertThat(eval("steps.evaluation.output.tags")).isEqualTo(List.of("a", "b"));
    assertThat(eval("inputs.x")).isEqualTo(Map.of("y", 5L));
    assertThat(eval("inputs.missing")).isNull();
    assertThat(Arrays.asList(eval("steps.evaluation.output.nothing"))).containsNull();
  }
}
