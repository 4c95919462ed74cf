package io.baton.modules.spi;

import io.baton.api.spi.StepContext;
import io.baton.api.spi.TaskHandler;
import io.baton.api.time.IdGenerator;
import io.baton.api.time.TimeSource;
import io.baton.modules.ModuleStatus;
import io.baton.modules.ReservedInterfaces;
import io.baton.modules.WorkflowControl;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the hub gives the modules it runs: the store, time, ids, calls to other modules, the event
 * bus and the agents that took over reserved interfaces.
 */
public interface ModuleServices {

  /** The entities of {@code module}. */
  Entities entities(String module);

  /** The hub's clock. */
  TimeSource clock();

  /** The hub's ids (UUID v4). */
  IdGenerator ids();

  /**
   * Calls an operation of another module, on behalf of the same step when there is one (so that
   * "the run's context" means the same run).
   */
  Object invoke(String module, String operation, Map<String, Object> input, StepContext step);

  /** Publishes an event of {@code source} on the hub's bus, to the subscribers of its type. */
  void publish(String source, String type, Map<String, Object> data);

  /**
   * The agent serving the reserved interface {@code module.operation}, when one with its capability
   * is registered; empty when the module's rules serve it.
   */
  Optional<TaskHandler> agentFor(String module, String operation);

  /** The reserved interfaces of the hub's modules, and who serves each. */
  List<ReservedInterfaces.Status> reservedInterfaces();

  /** The status of every module on the hub. */
  List<ModuleStatus> statuses();

  /** The L3 workflow operations of the engine the hub is attached to. */
  WorkflowControl workflows();
}
