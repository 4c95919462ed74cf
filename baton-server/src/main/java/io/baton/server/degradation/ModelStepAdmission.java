package io.baton.server.degradation;

import io.baton.ai.AiStepTypes;
import io.baton.ai.agent.AgentType;
import io.baton.api.definition.CustomStep;
import io.baton.api.definition.StepDef;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.StepContext;
import io.baton.engine.expression.CelDialect;
import io.baton.engine.expression.Expressions;
import io.baton.engine.expression.Template;
import io.baton.engine.scheduler.StepAdmission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * Level 3 of the degradation (orchestration only) in the engine: no step calls a model. A model
 * step ({@code llm}, {@code agent}, the agent and team types of {@code baton-ai}; a {@code code}
 * step only without a {@code script}) that declares a {@code fallback} ends with it — a JSON value
 * whose {@code ${…}} placeholders read the step's resolved {@code input} — and the others wait,
 * queued, until the level drops below 3. {@link Degradation} tells it each change of level.
 */
@Component
public class ModelStepAdmission implements StepAdmission {
  /** The field of a model step that holds its rule-based fallback. */
  public static final String FALLBACK = "fallback";

  private static final Set<String> MODEL_TYPES = AiStepTypes.schemas().keySet();
  private static final Expressions EXPRESSIONS =
      Expressions.defaults().with(new CelDialect(Set.of("input")));

  private final List<Runnable> reopened = new CopyOnWriteArrayList<>();
  private volatile boolean modelsOff;

  /** The degradation level changed to {@code level}: models are off from level 3 up. */
  void levelChanged(DegradationLevel level) {
    boolean off = level.compareTo(DegradationLevel.ORCHESTRATION_ONLY) >= 0;
    boolean wasOff = modelsOff;
    modelsOff = off;
    if (wasOff && !off) {
      reopened.forEach(Runnable::run);
    }
  }

  /** Whether {@code step} calls a model. */
  static boolean callsModel(StepDef step) {
    return step instanceof CustomStep c
        && MODEL_TYPES.contains(c.type())
        && !(c.type().equals(AgentType.CODE) && c.config().get("script") != null);
  }

  /** The step's fallback, or null when it is no model step or declares none. */
  private static Object fallbackOf(StepDef step) {
    return callsModel(step) ? ((CustomStep) step).config().get(FALLBACK) : null;
  }

  /**
   * The step's fallback as a template over {@code input}, or null when it declares none; throws
   * {@link io.baton.api.spi.ExpressionException} when it does not parse.
   */
  static Template parseFallback(StepDef step) {
    Object fallback = fallbackOf(step);
    return fallback == null ? null : EXPRESSIONS.template(fallback);
  }

  @Override
  public boolean holds(StepDef step) {
    return callsModel(step) && fallbackOf(step) == null;
  }

  @Override
  public boolean open() {
    return !modelsOff;
  }

  @Override
  public void onOpen(Runnable listener) {
    reopened.add(listener);
  }

  @Override
  public Optional<Object> substitute(StepDef step, StepContext context) {
    Object fallback = fallbackOf(step);
    if (!modelsOff || fallback == null) {
      return Optional.empty();
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("input", context.input());
    Object output = parseFallback(step).render(variables);
    if (output == null) {
      throw new StepException(
          ErrorKind.BAD_INPUT,
          "step '"
              + step.id()
              + "': its fallback rendered null; make it a value the next steps can read");
    }
    context.log(
        "degradation level 3 (orchestration only): the step's fallback stands in for the model");
    return Optional.of(output);
  }
}
