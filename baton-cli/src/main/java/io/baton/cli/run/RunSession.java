package io.baton.cli.run;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.run.WaitKind;
import io.baton.cli.ExitCodes;
import io.baton.cli.progress.DurationText;
import io.baton.cli.progress.ProgressRenderer;
import io.baton.cli.progress.RunProgress;
import io.baton.cli.progress.StepNode;
import io.baton.engine.Baton;
import io.baton.engine.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Drives one run in-process from the CLI's main thread: starts it, feeds its events (and its child
 * runs') to the progress display, answers its human steps, and stops it when nobody can answer or
 * it runs out of time.
 *
 * <pre>{@code
 * RunOutcome outcome = new RunSession(engine, renderer, progress, answers, limits).run(flow, inputs);
 * }</pre>
 */
public final class RunSession {
  private static final String BY = "baton-cli";

  private final LocalEngine engine;
  private final ProgressRenderer renderer;
  private final RunProgress progress;
  private final Answers answers;
  private final Limits limits;
  private String problem;
  private int problemExit = ExitCodes.OK;

  /**
   * How long the session waits.
   *
   * @param timeout how long the run may take before the CLI cancels it
   * @param tick how often the live display is redrawn while no event arrives
   * @param grace how long to wait for a run to end once the CLI has cancelled it
   * @param clock the clock of the time limit
   */
  public record Limits(Duration timeout, Duration tick, Duration grace, Clock clock) {}

  /**
   * @param engine the engine the run runs on, with its event inbox
   * @param renderer the progress display
   * @param progress the progress model the display reads
   * @param answers where answers to human steps come from
   * @param limits the time limits
   */
  public RunSession(
      LocalEngine engine,
      ProgressRenderer renderer,
      RunProgress progress,
      Answers answers,
      Limits limits) {
    this.engine = engine;
    this.renderer = renderer;
    this.progress = progress;
    this.answers = answers;
    this.limits = limits;
  }

  /** Runs {@code definition} with {@code inputs} to its end and says how it ended. */
  public RunOutcome run(WorkflowDefinition definition, Map<String, Object> inputs)
      throws InterruptedException {
    Baton baton = engine.baton();
    String runId = baton.start(definition, inputs).id();
    long deadline = now() + limits.timeout().toMillis();
    boolean stopping = false;
    while (progress.runId() == null || !progress.status().isTerminal()) {
      long left = deadline - now();
      if (left <= 0) {
        if (stopping) {
          break; // cancelled, yet not ended within the grace period: report what is known
        }
        stop(
            runId,
            "the run did not end within "
                + DurationText.format(limits.timeout())
                + "; pass --timeout to wait longer",
            ExitCodes.RUN_FAILED);
        stopping = true;
        deadline = now() + limits.grace().toMillis();
        continue;
      }
      JournalEntry entry =
          engine.inbox().poll(Duration.ofMillis(Math.min(left, limits.tick().toMillis())));
      if (entry == null) {
        renderer.tick(progress, limits.clock().instant());
      } else if (handle(entry) && !stopping) {
        stopping = true;
        deadline = now() + limits.grace().toMillis();
      }
    }
    renderer.runEnded(progress);
    var view = baton.status(runId);
    return problem == null ? RunOutcome.of(view) : new RunOutcome(view, problem, problemExit);
  }

  /** Applies one event; true when the CLI had to stop the run because of it. */
  private boolean handle(JournalEntry entry) {
    boolean wasStarted = progress.runId() != null;
    StepNode node = progress.apply(entry);
    if (!wasStarted && progress.runId() != null) {
      renderer.runStarted(progress);
    }
    if (node == null) {
      return false;
    }
    renderer.stepChanged(progress, node);
    if (entry.event() instanceof RunEvent.StepWaiting w && w.kind() == WaitKind.HUMAN) {
      return answer(node, w);
    }
    return false;
  }

  private boolean answer(StepNode node, RunEvent.StepWaiting waiting) {
    Question question = question(node, waiting);
    boolean asking = answers.asks(question);
    if (asking) {
      renderer.suspend();
    }
    while (true) {
      try {
        engine.baton().submitInput(waiting.waitId(), answers.answer(question), BY);
        return false;
      } catch (MissingAnswerException e) {
        stop(progress.runId(), e.getMessage(), ExitCodes.INVALID);
        return true;
      } catch (InvalidInputException e) {
        String why = String.join("; ", e.problems());
        if (!asking) {
          stop(
              progress.runId(),
              "--answer "
                  + question.stepId()
                  + " does not fit the step's form: "
                  + why
                  + "; give an answer"
                  + FormValues.example(question.form()),
              ExitCodes.INVALID);
          return true;
        }
        answers.tell("  that answer does not fit the form: " + why + "; try again");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Question question(StepNode node, RunEvent.StepWaiting waiting) {
    Map<String, Object> details = waiting.details();
    Object form = details.get("form");
    String path = node.path();
    return new Question(
        waiting.waitId(),
        path,
        path.substring(path.lastIndexOf('/') + 1),
        String.valueOf(details.getOrDefault("prompt", "")),
        form instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
  }

  private void stop(String runId, String why, int exitCode) {
    problem = why;
    problemExit = exitCode;
    engine.baton().cancel(runId, BY);
  }

  private long now() {
    return limits.clock().millis();
  }
}
