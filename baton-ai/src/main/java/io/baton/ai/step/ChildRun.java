package io.baton.ai.step;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepException;
import io.baton.api.spi.StepContext;
import io.baton.engine.Baton;
import io.baton.engine.RunNotFoundException;
import io.baton.engine.language.WorkflowWriter;
import io.baton.engine.runtime.StartRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The child run a step runs its work in, as steps of their own (the {@code plan} agent's tasks, a
 * {@code group-chat}'s turns): journaled, recovered and shown like any run's steps. Its id is
 * derived from the step's run, path and attempt, so a step re-executed after a crash finds the
 * child it already started (which the engine has recovered) instead of starting another; a new
 * attempt starts a new child.
 */
public final class ChildRun {
  private static final Duration LIMIT = Duration.ofHours(1);
  private static final WorkflowWriter WRITER = new WorkflowWriter();

  private ChildRun() {}

  /**
   * The engine that runs child runs.
   *
   * @param who names the step or agent in the error
   * @throws StepException when {@code BatonAi.attach} was not called
   */
  public static Baton engine(Supplier<Baton> baton, String who) {
    Baton engine = baton.get();
    if (engine == null) {
      throw new StepException(
          ErrorKind.DEPENDENCY_DOWN, who + " runs as a child run: call BatonAi.attach(baton)");
    }
    return engine;
  }

  /** The id of the child run of {@code context}'s step and attempt. */
  public static String id(StepContext context) {
    return context.runId()
        + "."
        + context.path().replaceAll("[^A-Za-z0-9_-]", "_")
        + "."
        + context.attempt();
  }

  /**
   * {@code child} with a version naming its content ({@code 1-<digest>}). The engine keeps one
   * definition per id and version, the first it stored, and a run recovered after a crash runs the
   * stored one; child definitions of the same id differ (the same step id in two workflows with
   * other agents, plans with other tasks), so each content needs a version of its own, or a
   * recovered child would run another child's steps.
   */
  private static WorkflowDefinition versioned(WorkflowDefinition child) {
    byte[] digest;
    try {
      digest =
          MessageDigest.getInstance("SHA-256")
              .digest(WRITER.toJson(child).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    return new WorkflowDefinition(
        child.id(),
        child.version() + "-" + HexFormat.of().formatHex(digest, 0, 8),
        child.name(),
        child.description(),
        child.inputs(),
        child.outputs(),
        child.steps(),
        child.policies(),
        child.expressionLanguage(),
        child.metadata());
  }

  /** Whether {@code runId} is a child run (or a child's child) of a step of run {@code owner}. */
  public static boolean belongsTo(String runId, String owner) {
    return runId.startsWith(owner + ".");
  }

  /**
   * Starts {@code child} as run {@code childId} unless it exists, and waits for its end.
   *
   * @param what names the child in the error
   * @throws StepException when the child run did not complete
   */
  public static RunView run(
      Baton engine,
      WorkflowDefinition child,
      String childId,
      Map<String, Object> inputs,
      String what) {
    try {
      engine.status(childId);
    } catch (RunNotFoundException notStartedYet) {
      // Not a subworkflow child (the engine would deliver its end to this step as a wait):
      // a run of its own whose id says where it comes from.
      engine.start(versioned(child), inputs, StartRequest.of(childId, null));
    }
    RunView done = engine.await(childId, LIMIT);
    if (done.status() != RunStatus.COMPLETED) {
      throw new StepException(
          done.failure() == null ? ErrorKind.UNKNOWN : done.failure().kind(),
          what
              + " "
              + childId
              + " ended "
              + done.status()
              + (done.failure() == null ? "" : ": " + done.failure().message()));
    }
    return done;
  }
}
