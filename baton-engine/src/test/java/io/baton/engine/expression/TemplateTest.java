package io.baton.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.spi.ExpressionException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {
  private static final Expressions EXPRESSIONS = Expressions.defaults();
  private static final Map<String, Object> VARIABLES = variables();

  private static Map<String, Object> variables() {
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("planId", "p-1");
    output.put("tasks", List.of("a", Map.of("name", "b")));
    output.put("count", 2);
    output.put("nothing", null);
    output.put("odd key", "yes");
    Map<String, Object> steps = new LinkedHashMap<>();
    steps.put("plan-creation", Map.of("output", output, "status", "COMPLETED"));
    steps.put(
        "context-setup",
        Map.of("output", Map.of("contextId", "ctx-7"), "status", "COMPLETED", "error", "none"));
    Map<String, Object> vars = new HashMap<>();
    vars.put("inputs", Map.of("goal", "ship it", "amount", 21, "flag", true));
    vars.put("steps", steps);
    vars.put("item", Map.of("id", 4));
    return vars;
  }

  private static Object render(Object template) {
    return EXPRESSIONS.template(template).render(VARIABLES);
  }

  @Test
  void wholeStringPlaceholderKeepsTheJsonType() {
    assertThat(render("${inputs.amount}")).isEqualTo(21);
    assertThat(render("${inputs.flag}")).isEqualTo(true);
    assertThat(render("${steps.plan-creation.output.tasks}"))
        .isEqualTo(List.of("a", Map.of("name", "b")));
    assertThat(render("${steps.plan-creation.output.nothing}")).isNull();
    assertThat(render("${ inputs.goal }")).isEqualTo("ship it");
  }

  @Test
  void placeholdersInsideTextRenderAsText() {
    assertThat(render("Goal: ${inputs.goal} x${inputs.amount} ${inputs.flag}"))
        .isEqualTo("Goal: ship it x21 true");
    assertThat(render("tasks=${steps.plan-creation.output.tasks}"))
        .isEqualTo("tasks=[\"a\",{\"name\":\"b\"}]");
    assertThat(render("[${steps.plan-creation.output.nothing}]")).isEqualTo("[]");
    assertThat(render("${inputs.goal}${inputs.goal}")).isEqualTo("ship itship it");
  }

  @Test
  void pathFormsWalkMapsAndLists() {
    assertThat(render("${steps.plan-creation.output.tasks[1].name}")).isEqualTo("b");
    assertThat(render("${steps[\"plan-creation\"].output['tasks'][0]}")).isEqualTo("a");
    assertThat(render("${steps.plan-creation.output[\"odd key\"]}")).isEqualTo("yes");
    assertThat(render("${steps.plan-creation.output.tasks.0}")).isEqualTo("a");
  }

  @Test
  void seedAliasesReadStepState() {
    assertThat(render("${plan-creation.result.planId}")).isEqualTo("p-1");
    assertThat(render("${plan-creation.output.planId}")).isEqualTo("p-1");
    assertThat(render("${context-setup.result}")).isEqualTo(Map.of("contextId", "ctx-7"));
    assertThat(render("${context-setup.status}")).isEqualTo("COMPLETED");
    assertThat(render("${context-setup.error}")).isEqualTo("none");
  }

  @Test
  void otherPlaceholdersAreCel() {
    assertThat(render("${inputs.amount * 2}")).isEqualTo(42L);
    assertThat(render("${size(steps['plan-creation'].output.tasks) > 1}")).isEqualTo(true);
    assertThat(render("n=${inputs.amount + 1}")).isEqualTo("n=22");
    assertThat(render("${{'a': {'b': inputs.goal}}}"))
        .isEqualTo(Map.of("a", Map.of("b", "ship it")));
    assertThat(render("${inputs.goal + '}'}")).isEqualTo("ship it}");
  }

  @Test
  void dollarDollarBraceEscapesAPlaceholder() {
    Template template = EXPRESSIONS.template("literal $${inputs.goal} and ${inputs.goal}");
    assertThat(template.render(VARIABLES)).isEqualTo("literal ${inputs.goal} and ship it");
    Template constant = EXPRESSIONS.template("$${x}");
    assertThat(constant.isConstant()).isTrue();
    assertThat(constant.render(Map.of())).isEqualTo("${x}");
    assertThat(render("costs $5 and $$")).isEqualTo("costs $5 and $$");
  }

  @Test
  void nestedStructuresRenderOnlyWhatIsTemplated() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("contextId", "${context-setup.result.contextId}");
    value.put("static", Map.of("k", List.of(1, 2)));
    value.put("list", Arrays.asList("${item.id}", "plain", null, 3));
    Template template = EXPRESSIONS.template(value);
    assertThat(template.isConstant()).isFalse();
    Object rendered = template.render(VARIABLES);
    assertThat(rendered)
        .isEqualTo(
            Map.of(
                "contextId",
                "ctx-7",
                "static",
                Map.of("k", List.of(1, 2)),
                "list",
                Arrays.asList(4, "plain", null, 3)));
    assertThat(((Map<String, ?>) rendered).keySet()).containsExactly("contextId", "static", "list");
  }

  @Test
  void constantsAreReturnedUnchangedAndCannotBeModified() {
    Map<String, Object> value = new HashMap<>(Map.of("a", List.of(1), "b", "text"));
    Template template = EXPRESSIONS.template(value);
    assertThat(template.isConstant()).isTrue();
    assertThat(template.references()).isEmpty();
    Object rendered = template.render(Map.of());
    assertThat(rendered).isEqualTo(value);
    value.put("c", 1);
    assertThat(template.render(Map.of())).isEqualTo(Map.of("a", List.of(1), "b", "text"));
    assertThatThrownBy(() -> ((Map<String, Object>) rendered).put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(EXPRESSIONS.template(42).render(Map.of())).isEqualTo(42);
    assertThat(EXPRESSIONS.template(null).render(Map.of())).isNull();
  }

  @Test
  void missingFieldNamesThePathTheSegmentAndWhatIsAvailable() {
    String text = "${steps.plan-creation.output.taks}";
    assertThatThrownBy(() -> render(text))
        .isInstanceOfSatisfying(
            ExpressionException.class,
            e -> {
              assertThat(e.position()).isEqualTo(text.indexOf("taks"));
              assertThat(e.expression()).isEqualTo(text);
            })
        .hasMessageContaining("steps.plan-creation.output has no field 'taks'")
        .hasMessageContaining("available: [count, nothing, odd key, planId, tasks]");
  }

  @Test
  void missingStepAliasExplainsWhichStepsHaveState() {
    assertThatThrownBy(() -> render("${role-assignment.result.assignments}"))
        .isInstanceOfSatisfying(
            ExpressionException.class, e -> assertThat(e.position()).isEqualTo(2))
        .hasMessageContaining("no step 'role-assignment' has state")
        .hasMessageContaining("[context-setup, plan-creation]");
  }

  @Test
  void otherUnresolvablePathsSayWhy() {
    assertThatThrownBy(() -> render("${steps.plan-creation.output.tasks[7]}"))
        .hasMessageContaining(
            "steps.plan-creation.output.tasks has 2 element(s); index 7 is out of range");
    assertThatThrownBy(() -> render("${steps.plan-creation.output.nothing.x}"))
        .hasMessageContaining("steps.plan-creation.output.nothing is null; cannot read field 'x'");
    assertThatThrownBy(() -> render("${inputs.goal.length}"))
        .hasMessageContaining("inputs.goal is a string, not an object");
    assertThatThrownBy(() -> render("${vars.x}"))
        .hasMessageContaining("variable 'vars' is not set here");
  }

  @Test
  void errorsInsideNestedValuesNameTheirLocation() {
    Map<String, Object> value = Map.of("input", Map.of("query", List.of("ok", "${inputs.nope}")));
    assertThatThrownBy(() -> EXPRESSIONS.template(value).render(VARIABLES))
        .hasMessageContaining("(at /input/query/1)")
        .hasMessageContaining("inputs has no field 'nope'");
  }

  @Test
  void lenientTemplatesRenderMissingPathsAsNull() {
    Template template =
        EXPRESSIONS.lenientTemplate(
            Map.of("a", "${steps.skipped.output.x}", "b", "x=${inputs.nope}"));
    Map<String, Object> expected = new HashMap<>();
    expected.put("a", null);
    expected.put("b", "x=");
    assertThat(template.render(VARIABLES)).isEqualTo(expected);
  }

  @Test
  void unterminatedPlaceholderIsPositionedAtItsOpening() {
    assertThatThrownBy(() -> EXPRESSIONS.template("Hello ${inputs.goal"))
        .isInstanceOfSatisfying(
            ExpressionException.class, e -> assertThat(e.position()).isEqualTo(6))
        .hasMessageContaining("unterminated placeholder");
    assertThatThrownBy(() -> EXPRESSIONS.template("${inputs.goal + '}"))
        .isInstanceOfSatisfying(
            ExpressionException.class, e -> assertThat(e.position()).isEqualTo(0));
    assertThatThrownBy(() -> EXPRESSIONS.template("a ${ } b"))
        .isInstanceOfSatisfying(
            ExpressionException.class, e -> assertThat(e.position()).isEqualTo(2))
        .hasMessageContaining("empty placeholder");
  }

  @Test
  void celErrorsArePositionedInTheTemplateString() {
    String text = "total: ${inputs.amount +* 2}";
    assertThatThrownBy(() -> EXPRESSIONS.template(text))
        .isInstanceOfSatisfying(
            ExpressionException.class, e -> assertThat(e.position()).isEqualTo(text.indexOf('*')))
        .hasMessageContaining("in ${inputs.amount +* 2}");
    String failing = "x ${inputs.goal + 1}";
    assertThatThrownBy(() -> EXPRESSIONS.template(failing).render(VARIABLES))
        .isInstanceOfSatisfying(
            ExpressionException.class,
            e -> assertThat(e.position()).isEqualTo(failing.indexOf('+')));
  }

  @Test
  void unknownPathRootIsRejectedAtParseTime() {
    assertThatThrownBy(() -> EXPRESSIONS.template("${plan.tasks}"))
        .isInstanceOfSatisfying(
            ExpressionException.class, e -> assertThat(e.position()).isEqualTo(2))
        .hasMessageContaining("'plan' is neither a variable")
        .hasMessageContaining("<step>.result");
  }

  @Test
  void referencesListEveryStepReadWithItsPositionInThePlaceholder() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("a", "${steps.plan.output.x}");
    value.put("b", "see ${steps[\"context-setup\"].status} and ${plan-creation.result.planId}");
    String cel = "size(steps.review.output) + size(steps['gate-1'].output)";
    value.put("c", List.of("${" + cel + "}"));
    value.put("d", "${inputs.goal}");
    assertThat(EXPRESSIONS.template(value).references())
        .containsExactly(
            new Reference("plan", "steps.plan.output.x", 6),
            new Reference("context-setup", "steps[\"context-setup\"].status", 7),
            new Reference("plan-creation", "plan-creation.result.planId", 0),
            new Reference("review", cel, cel.indexOf("review")),
            new Reference("gate-1", cel, cel.indexOf("gate-1")));
  }
}
