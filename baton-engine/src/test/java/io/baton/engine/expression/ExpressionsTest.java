package io.baton.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.spi.ExpressionDialect;
import io.baton.api.spi.ExpressionException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpressionsTest {
  private static final Expressions EXPRESSIONS = Expressions.defaults();

  @Test
  void defaultsOfferCelAndJavaScript() {
    assertThat(EXPRESSIONS.dialects()).containsExactly("cel", "javascript");
    assertThat(Expressions.defaults()).isSameAs(EXPRESSIONS);
  }

  @Test
  void compileDefaultsToCelAndCachesBySource() {
    ExpressionDialect.Compiled first = EXPRESSIONS.compile("inputs.a + 1");
    assertThat(EXPRESSIONS.compile("cel", "inputs.a + 1")).isSameAs(first);
    assertThat(EXPRESSIONS.compile(null, "inputs.a + 1")).isSameAs(first);
    assertThat(first.evaluate(Map.of("inputs", Map.of("a", 1)))).isEqualTo(2L);
    assertThat(EXPRESSIONS.compile("javascript", "inputs.a + 1")).isNotSameAs(first);
  }

  @Test
  void unknownDialectNamesTheKnownOnes() {
    assertThatThrownBy(() -> EXPRESSIONS.compile("python", "1 + 1"))
        .isInstanceOf(ExpressionException.class)
        .hasMessageContaining("unknown expression dialect 'python'")
        .hasMessageContaining("[cel, javascript]");
  }

  @Test
  void withAddsOrReplacesADialect() {
    ExpressionDialect upper =
        new ExpressionDialect() {
          @Override
          public String name() {
            return "upper";
          }

          @Override
          public Compiled compile(String source) {
            return variables -> source.toUpperCase();
          }
        };
    Expressions more = EXPRESSIONS.with(upper);
    assertThat(more.dialects()).containsExactly("cel", "javascript", "upper");
    assertThat(more.compile("upper", "abc").evaluate(Map.of())).isEqualTo("ABC");
    assertThat(EXPRESSIONS.dialects()).doesNotContain("upper");

    Expressions extra = EXPRESSIONS.with(new CelDialect(Set.of("tenant")));
    assertThat(extra.compile("tenant").evaluate(Map.of("tenant", "t"))).isEqualTo("t");
    assertThat(extra.template("${tenant}").render(Map.of("tenant", "t"))).isEqualTo("t");
  }

  @Test
  void celConditionsMustBeBoolean() {
    Condition condition = EXPRESSIONS.condition("cel", "inputs.answer");
    assertThat(condition.test(Map.of("inputs", Map.of("answer", true)))).isTrue();
    assertThatThrownBy(() -> condition.test(Map.of("inputs", Map.of("answer", "yes"))))
        .isInstanceOf(ExpressionException.class)
        .hasMessageContaining("condition must be a boolean, got string \"yes\"");
  }

  @Test
  void javascriptConditionsUseTruthiness() {
    Condition condition = EXPRESSIONS.condition("javascript", "inputs.answer");
    assertThat(condition.test(Map.of("inputs", Map.of("answer", "yes")))).isTrue();
    assertThat(condition.test(Map.of("inputs", Map.of("answer", "")))).isFalse();
    assertThat(condition.test(Map.of("inputs", Map.of()))).isFalse();
    assertThat(EXPRESSIONS.condition("javascript", "result === \"A\"").test(Map.of("result", "A")))
        .isTrue();
  }

  @Test
  void truthinessFollowsJavaScript() {
    assertThat(Expressions.truthy(null)).isFalse();
    assertThat(Expressions.truthy(false)).isFalse();
    assertThat(Expressions.truthy(0)).isFalse();
    assertThat(Expressions.truthy(0L)).isFalse();
    assertThat(Expressions.truthy(0.0)).isFalse();
    assertThat(Expressions.truthy(Double.NaN)).isFalse();
    assertThat(Expressions.truthy(BigDecimal.ZERO)).isFalse();
    assertThat(Expressions.truthy("")).isFalse();
    assertThat(Expressions.truthy("false")).isTrue();
    assertThat(Expressions.truthy(0.5)).isTrue();
    assertThat(Expressions.truthy(List.of())).isTrue();
    assertThat(Expressions.truthy(Map.of())).isTrue();
  }

  @Test
  void referencesInCelExpressions() {
    String source =
        "steps.plan.output.ok && steps['context-setup'].status == \"COMPLETED\" && 'steps.fake' != ''";
    assertThat(EXPRESSIONS.references("cel", source))
        .containsExactly(
            new Reference("plan", source, 6),
            new Reference("context-setup", source, source.indexOf("context-setup")));
  }

  @Test
  void referencesSkipMacrosAndNonRootSteps() {
    assertThat(EXPRESSIONS.references("cel", "steps.exists(s, s == 'x') && inputs.steps.a == 1"))
        .isEmpty();
    assertThat(EXPRESSIONS.references("cel", "steps . plan . output"))
        .containsExactly(new Reference("plan", "steps . plan . output", 8));
  }

  @Test
  void referencesInJavaScriptIncludeAliases() {
    String source = "evaluation.result === 'A' && steps[\"gate\"].status !== 'FAILED' && result.x";
    assertThat(EXPRESSIONS.references("javascript", source))
        .containsExactly(
            new Reference("evaluation", source, 0),
            new Reference("gate", source, source.indexOf("gate")));
  }

  @Test
  void compileErrorsAreNotCached() {
    assertThatThrownBy(() -> EXPRESSIONS.compile("1 +")).isInstanceOf(ExpressionException.class);
    assertThatThrownBy(() -> EXPRESSIONS.compile("1 +")).isInstanceOf(ExpressionException.class);
    assertThatThrownBy(() -> EXPRESSIONS.compile("cel", null))
        .isInstanceOf(ExpressionException.class);
  }
}
