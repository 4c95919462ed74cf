package io.baton.cli.run;

import io.baton.ai.BatonAi;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.cli.ai.CliAi;
import io.baton.cli.offline.OfflineStandIns;
import io.baton.engine.Baton;
import io.baton.engine.BatonBuilder;
import io.baton.engine.config.EngineConfig;
import java.util.List;

/**
 * The in-process engine a {@code baton run} uses: in-memory stores, the system clock, the given
 * configuration, the CLI's offline stand-ins, the workflows its subworkflow steps run, and an
 * {@link EventInbox} receiving every event.
 *
 * <pre>{@code
 * try (LocalEngine engine = LocalEngine.start(EngineConfig.DEFAULTS, List.of(child))) {
 *   engine.baton().start(flow, inputs);
 * }
 * }</pre>
 */
public final class LocalEngine implements AutoCloseable {
  private final Baton baton;
  private final EventInbox inbox;

  private final BatonAi ai;

  private LocalEngine(Baton baton, EventInbox inbox, BatonAi ai) {
    this.baton = baton;
    this.inbox = inbox;
    this.ai = ai;
  }

  /**
   * Starts an engine.
   *
   * @param config limits, strategy and defaults
   * @param subworkflows the workflows that subworkflow steps may run, registered by id
   */
  public static LocalEngine start(EngineConfig config, List<WorkflowDefinition> subworkflows) {
    EventInbox inbox = new EventInbox();
    BatonBuilder builder = OfflineStandIns.register(Baton.builder()).config(config).listener(inbox);
    BatonAi ai = CliAi.install(builder);
    Baton baton = ai.attach(builder.build());
    subworkflows.forEach(baton::register);
    return new LocalEngine(baton, inbox, ai);
  }

  /** The engine. */
  public Baton baton() {
    return baton;
  }

  /** The events of its runs. */
  public EventInbox inbox() {
    return inbox;
  }

  @Override
  public void close() {
    baton.close();
    ai.close();
  }
}
