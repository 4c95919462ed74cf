package io.baton.modules;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.AwaitInput;
import io.baton.api.spi.StepContext;
import io.baton.api.spi.TaskHandler;
import io.baton.api.time.IdGenerator;
import io.baton.api.time.TimeSource;
import io.baton.engine.Baton;
import io.baton.engine.BatonBuilder;
import io.baton.modules.HealthReport.ModuleHealth;
import io.baton.modules.internal.DocumentImport;
import io.baton.modules.internal.HubCoordinationModule;
import io.baton.modules.internal.HubModuleSteps;
import io.baton.modules.internal.ModuleSlot;
import io.baton.modules.internal.OperationLookup;
import io.baton.modules.internal.TraceRecorder;
import io.baton.modules.spi.Call;
import io.baton.modules.spi.Entities;
import io.baton.modules.spi.ModuleServices;
import io.baton.modules.spi.MplpModule;
import io.baton.modules.store.EntityConflictException;
import io.baton.modules.store.EntityKey;
import io.baton.modules.store.ModuleEntityStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The module hub (the seeds' module manager and coordination center): runs coordination modules,
 * manages their lifecycle, routes calls to their operations — from {@code module} steps, from the
 * API and from other modules — and carries their messages. The server's REST endpoints and the CLI
 * call it; {@link #installInto(BatonBuilder)} makes its modules callable from workflows.
 *
 * <pre>{@code
 * ModuleHub hub = StandardModules.hub(new InMemoryModuleEntityStore(clock), clock, ids);
 * Baton baton = hub.installInto(Baton.builder()).build();
 * hub.attach(baton);
 * Map<?, ?> context = (Map<?, ?>) hub.invoke("context", "create-context", Map.of("name", "s"));
 * }</pre>
 */
public final class ModuleHub {
  private static final String HUB = "hub";

  private final ModuleEntityStore store;
  private final TimeSource clock;
  private final IdGenerator ids;
  private final Map<String, ModuleSlot> slots =
      java.util.Collections.synchronizedMap(new LinkedHashMap<>());
  private final Map<String, Entities> entities = new ConcurrentHashMap<>();
  private final ModuleBus bus;
  private final ReservedInterfaces agents;
  private final WorkflowControl workflows;
  private final ModuleServices services = new Services();

  /**
   * An empty hub keeping module entities in {@code store}.
   *
   * @param ids must make UUID v4 identifiers (MPLP requires them)
   */
  public ModuleHub(ModuleEntityStore store, TimeSource clock, IdGenerator ids) {
    this.store = store;
    this.clock = clock;
    this.ids = ids;
    this.bus = new ModuleBus(clock, ids, (to, op, payload) -> invoke(to, op, payload, null, false));
    this.agents = new ReservedInterfaces(clock, bus);
    this.workflows = new WorkflowControl();
  }

  /** Registers a module (state REGISTERED) and declares its reserved interfaces. */
  public void register(MplpModule module) {
    slots.put(OperationLookup.loose(module.name()), new ModuleSlot(module));
    module
        .reserved()
        .forEach(
            r -> agents.reserve(module.name(), r.operation(), r.capability(), r.description()));
    bus.publish(HUB, "hub.module.registered", Map.of("module", module.name()));
  }

  /** Unregisters a module; true if it was registered. Steps calling it then fail as NOT_FOUND. */
  public boolean unregister(String name) {
    ModuleSlot gone = slots.remove(OperationLookup.loose(name));
    if (gone != null) {
      agents.release(gone.module().name());
      bus.unsubscribe(gone.module().name());
      bus.publish(HUB, "hub.module.unregistered", Map.of("module", gone.module().name()));
    }
    return gone != null;
  }

  /**
   * Configures a module (replacing its configuration).
   *
   * @throws IllegalArgumentException when the module refuses it; the module is then FAILED
   */
  public ModuleStatus configure(String name, Map<String, Object> config) {
    ModuleSlot slot = slot(name);
    slot.configure(config);
    return slot.status();
  }

  /** Starts a module (and first the registered modules it depends on) so it serves calls. */
  public ModuleStatus start(String name) {
    ModuleSlot slot = slot(name);
    for (String dependency : slot.module().dependencies()) {
      ModuleSlot d = slots.get(OperationLookup.loose(dependency));
      if (d != null && d.state() != ModuleState.RUNNING && d != slot) {
        start(dependency);
      }
    }
    slot.state(ModuleState.RUNNING);
    bus.publish(HUB, "hub.module.started", Map.of("module", slot.module().name()));
    return slot.status();
  }

  /** Stops a module: its operations refuse calls (UNAVAILABLE, retryable) until it starts again. */
  public ModuleStatus stop(String name) {
    ModuleSlot slot = slot(name);
    slot.state(ModuleState.STOPPED);
    bus.publish(HUB, "hub.module.stopped", Map.of("module", slot.module().name()));
    return slot.status();
  }

  /** Stops and starts a module, re-applying its configuration. */
  public ModuleStatus restart(String name) {
    ModuleSlot slot = slot(name);
    stop(name);
    slot.configure(slot.status().config());
    return start(name);
  }

  /** A module's status. */
  public ModuleStatus status(String name) {
    return slot(name).status();
  }

  /** Every module's status, in registration order. */
  public List<ModuleStatus> statuses() {
    synchronized (slots) {
      return slots.values().stream().map(ModuleSlot::status).toList();
    }
  }

  /** The health of every module, with the overall level the server's health rule uses. */
  public HealthReport health() {
    String storeProblem = storeProblem();
    List<ModuleHealth> out = new ArrayList<>();
    for (ModuleStatus s : statuses()) {
      List<String> problems = new ArrayList<>(slot(s.name()).module().healthProblems());
      if (s.state() != ModuleState.RUNNING) {
        problems.add("module is " + s.state().name().toLowerCase(java.util.Locale.ROOT));
      }
      if (storeProblem != null) {
        problems.add(storeProblem);
      }
      boolean failed = s.state() == ModuleState.FAILED || storeProblem != null;
      out.add(new ModuleHealth(s.name(), problems.isEmpty(), failed, problems));
    }
    return HealthReport.of(out);
  }

  /**
   * Calls an operation of a module from outside any run (the API): {@code invoke("plan",
   * "create-plan", Map.of("objective", "…"))}. Names match in any naming style.
   *
   * @throws StepException NOT_FOUND for an unknown module or operation (naming what exists),
   *     UNAVAILABLE for a module that is not running, BAD_INPUT for a bad parameter
   */
  public Object invoke(String module, String operation, Map<String, Object> input) {
    return invoke(module, operation, input, null, false);
  }

  /**
   * Calls an operation for a step. A step attempt's call runs once: called again with the same
   * idempotency key (a re-run after a crash), it returns the first call's result.
   */
  public Object invoke(
      String module, String operation, Map<String, Object> input, StepContext step) {
    return invoke(module, operation, input, step, step != null);
  }

  private Object invoke(
      String module, String operation, Map<String, Object> input, StepContext step, boolean once) {
    ModuleSlot slot = slots.get(OperationLookup.loose(module));
    if (slot == null) {
      throw OperationLookup.noModule(module, names());
    }
    MplpModule.OperationSpec spec = OperationLookup.operation(slot.module(), operation);
    if (slot.state() != ModuleState.RUNNING) {
      throw new StepException(
          ErrorKind.UNAVAILABLE,
          "module '"
              + slot.module().name()
              + "' is "
              + slot.state().name().toLowerCase(java.util.Locale.ROOT)
              + "; start it (ModuleHub.start(\""
              + slot.module().name()
              + "\")) to call "
              + spec.name());
    }
    EntityKey record = once ? recordKey(slot, spec, step) : null;
    if (record != null) {
      Optional<Object> earlier = store.find(record).map(e -> e.document().get("result"));
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    Object result =
        perform(slot, spec, new Call(slot.module().name(), spec.name(), input, step, services));
    if (record != null && !(result instanceof AwaitInput)) {
      remember(record, result);
    }
    return result;
  }

  private Object perform(ModuleSlot slot, MplpModule.OperationSpec spec, Call call) {
    try {
      Object result = spec.body().apply(call);
      slot.counted(null);
      return result;
    } catch (RuntimeException e) {
      slot.counted(e.getMessage());
      throw e;
    } catch (Exception e) {
      slot.counted(e.getMessage());
      throw new StepException(
          ErrorKind.UNKNOWN,
          slot.module().name() + "." + spec.name() + " failed: " + e.getMessage());
    }
  }

  private static EntityKey recordKey(
      ModuleSlot slot, MplpModule.OperationSpec spec, StepContext step) {
    AwaitInput.Answer answer = step.answer();
    String id =
        step.idempotencyKey()
            + "#"
            + slot.module().name()
            + "."
            + spec.name()
            + (answer == null ? "" : "@" + answer.waitId());
    return new EntityKey(HUB, "operation", id);
  }

  private void remember(EntityKey record, Object result) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("result", result);
    try {
      store.insert(record, record.id().substring(0, record.id().indexOf('/')), doc);
    } catch (EntityConflictException e) {
      // A concurrent re-run of the same attempt recorded its result first: both are valid.
    }
  }

  /** The bus on which modules send, broadcast and publish. */
  public ModuleBus bus() {
    return bus;
  }

  /** The reserved interfaces and the agents that take them over. */
  public ReservedInterfaces agents() {
    return agents;
  }

  /** The L3 operations on workflows (execute, pause, resume, cancel, status). */
  public WorkflowControl workflows() {
    return workflows;
  }

  /**
   * A handler for {@code task} steps (the iflow format's tasks) that hands each task to {@code
   * core.execute-task}: an agent with the {@code task-execution} capability when one is registered,
   * else the core's rules. Register it for the capabilities your workflows use.
   */
  public TaskHandler taskHandler() {
    return (capability, input, context) -> {
      Map<String, Object> in = new LinkedHashMap<>();
      in.put("task", context == null ? capability : context.stepId());
      in.put("capability", capability);
      in.put("input", input);
      return invoke("core", "execute-task", in, context);
    };
  }

  /** Where module entities are kept. */
  public ModuleEntityStore store() {
    return store;
  }

  /**
   * Makes {@code builder}'s engine carry out {@code module} steps through this hub — modules
   * registered later included — lists the hub's current modules as its coordination modules, and
   * adds the listener through which {@code trace} records monitored runs.
   */
  public BatonBuilder installInto(BatonBuilder builder) {
    for (ModuleStatus s : statuses()) {
      builder.module(new HubCoordinationModule(this, slot(s.name()).module()));
    }
    return builder.step(new HubModuleSteps(this)).listener(new TraceRecorder(this));
  }

  /**
   * Imports an external MPLP document (JSON text or a JSON-like map) as an entity of {@code
   * module}: its top-level {@code $comment} dropped, checked against the module's schema and the
   * MPLP invariants, stored under its own id ({@code <module>_id}).
   *
   * <pre>{@code
   * Map<String, Object> plan = hub.importDocument("plan", Files.readString(path));
   * }</pre>
   *
   * @return the stored document
   * @throws io.baton.modules.mplp.MplpDocumentInvalidException listing each problem with its JSON
   *     pointer ({@code /status: …})
   * @throws EntityConflictException when a document with that id is already stored
   */
  public Map<String, Object> importDocument(String module, Object json) {
    MplpModule target = slot(module).module();
    return DocumentImport.importInto(
        services.entities(target.name()), target.name(), json, target::importRef);
  }

  /**
   * Gives the hub the engine it serves, for the L3 operations and for decisions taken via the API.
   */
  public void attach(Baton baton) {
    workflows.attach(baton);
  }

  private ModuleSlot slot(String name) {
    ModuleSlot slot = slots.get(OperationLookup.loose(name));
    if (slot == null) {
      throw OperationLookup.noModule(name, names());
    }
    return slot;
  }

  private List<String> names() {
    return statuses().stream().map(ModuleStatus::name).toList();
  }

  private String storeProblem() {
    try {
      store.list(HUB, "health", null, 1);
      return null;
    } catch (RuntimeException e) {
      return "the module store is unreachable (" + store.describe() + "): " + e.getMessage();
    }
  }

  /** The services given to modules. */
  private final class Services implements ModuleServices {
    @Override
    public Entities entities(String module) {
      return entities.computeIfAbsent(module, m -> new Entities(m, store, clock));
    }

    @Override
    public TimeSource clock() {
      return clock;
    }

    @Override
    public IdGenerator ids() {
      return ids;
    }

    @Override
    public Object invoke(
        String module, String operation, Map<String, Object> input, StepContext step) {
      return ModuleHub.this.invoke(module, operation, input, step, false);
    }

    @Override
    public void publish(String source, String type, Map<String, Object> data) {
      bus.publish(source, type, data);
    }

    @Override
    public Optional<TaskHandler> agentFor(String module, String operation) {
      return agents.agentFor(module, operation);
    }

    @Override
    public List<ReservedInterfaces.Status> reservedInterfaces() {
      return agents.interfaces();
    }

    @Override
    public List<ModuleStatus> statuses() {
      return ModuleHub.this.statuses();
    }

    @Override
    public WorkflowControl workflows() {
      return workflows;
    }
  }
}
