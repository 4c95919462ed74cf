package io.baton.engine;

import io.baton.api.definition.StepDef;
import io.baton.api.spi.CoordinationModule;
import io.baton.api.spi.ExpressionDialect;
import io.baton.api.spi.RunListener;
import io.baton.api.spi.StepExecutor;
import io.baton.api.spi.TaskHandler;
import io.baton.api.spi.Tool;
import io.baton.api.store.DefinitionStore;
import io.baton.api.store.Journal;
import io.baton.api.store.RunStore;
import io.baton.api.store.StoreBackend;
import io.baton.api.store.TimerStore;
import io.baton.api.store.WaitStore;
import io.baton.api.time.IdGenerator;
import io.baton.api.time.TimeSource;
import io.baton.engine.config.EngineConfig;
import io.baton.engine.config.SnapshotPolicy;
import io.baton.engine.executor.ModuleStepExecutor;
import io.baton.engine.executor.Registry;
import io.baton.engine.executor.TaskStepExecutor;
import io.baton.engine.executor.ToolStepExecutor;
import io.baton.engine.expression.Expressions;
import io.baton.engine.graph.WorkflowCompiler;
import io.baton.engine.language.EngineExpressionSupport;
import io.baton.engine.language.LanguageContext;
import io.baton.engine.language.WorkflowLoader;
import io.baton.engine.planner.Planner;
import io.baton.engine.runtime.AutoSnapshots;
import io.baton.engine.runtime.ClusterMembership;
import io.baton.engine.runtime.DeciderThreads;
import io.baton.engine.runtime.DrainWrites;
import io.baton.engine.runtime.HistoryJournal;
import io.baton.engine.runtime.NodePort;
import io.baton.engine.runtime.Retention;
import io.baton.engine.runtime.RunArchive;
import io.baton.engine.runtime.RunEngine;
import io.baton.engine.runtime.RunOwnership;
import io.baton.engine.runtime.RuntimeServices;
import io.baton.engine.runtime.TimerService;
import io.baton.engine.scheduler.AdmittedStep;
import io.baton.engine.scheduler.StepAdmission;
import io.baton.engine.scheduler.StepScheduler;
import io.baton.engine.store.InMemorySnapshotStore;
import io.baton.engine.store.InMemoryValueStore;
import io.baton.engine.store.StoreSet;
import io.baton.engine.store.StoredValues;
import io.baton.engine.time.RandomIdGenerator;
import io.baton.engine.time.SystemTimeSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Assembles a {@link Baton}: stores, clock, configuration and the extensions (step types, tools,
 * modules, task handlers, expression dialects, listeners). Everything has a default: in-memory
 * stores, the system clock.
 */
public final class BatonBuilder {
  private TimeSource clock;
  private IdGenerator ids = new RandomIdGenerator();
  private EngineConfig config = EngineConfig.DEFAULTS;
  private StoreBackend stores;
  private Expressions expressions = Expressions.defaults();
  private boolean evictSuspended = true;
  private boolean recoverOnStart = true;
  private boolean wakeOnPublish = true;
  private Duration retention;
  private SnapshotPolicy snapshots;
  private long[] largeValues;
  private ClusterMembership cluster;
  private final Registry<Tool> tools = Registry.exact("tool");
  private final Registry<CoordinationModule> modules =
      new Registry<>("module", Registry::looseName);
  private final Registry<TaskHandler> tasks = new Registry<>("task handler", Registry::looseName);
  private final Registry<StepExecutor<?>> steps = Registry.exact("step type");
  private final List<RunListener> listeners = new CopyOnWriteArrayList<>();
  private StepAdmission admission = StepAdmission.ALWAYS;

  BatonBuilder() {}

  /** The engine's time (a fake clock in tests). */
  public BatonBuilder clock(TimeSource clock) {
    this.clock = clock;
    return this;
  }

  /** How run ids are made. */
  public BatonBuilder ids(IdGenerator ids) {
    this.ids = ids;
    return this;
  }

  /** Limits, strategy and defaults. */
  public BatonBuilder config(EngineConfig config) {
    this.config = config;
    return this;
  }

  /**
   * Where runs are kept (default: in memory; durable backends come from {@code baton-store-jdbc}).
   * The engine does not close it: its opener does.
   */
  public BatonBuilder stores(StoreBackend stores) {
    this.stores = stores;
    return this;
  }

  /** Where runs are kept, from separate stores (snapshots in memory). */
  public BatonBuilder stores(
      Journal journal,
      RunStore runs,
      TimerStore timers,
      WaitStore waits,
      DefinitionStore definitions) {
    return stores(
        new StoreSet(
            journal,
            runs,
            timers,
            waits,
            definitions,
            new InMemorySnapshotStore(),
            new StoredValues(new InMemoryValueStore()),
            "custom"));
  }

  /**
   * Whether the engine reloads the unfinished runs of its stores as it starts (default true): after
   * a restart, they go on where their journals end.
   */
  public BatonBuilder recoverOnStart(boolean recover) {
    this.recoverOnStart = recover;
    return this;
  }

  /**
   * How long runs are kept after they end (default: for ever): older ones are purged — summary,
   * journal and snapshots — as the engine starts and every hour.
   */
  public BatonBuilder retention(Duration keep) {
    if (keep != null && (keep.isNegative() || keep.isZero())) {
      throw new IllegalArgumentException("retention must be positive, was " + keep);
    }
    this.retention = keep;
    return this;
  }

  /**
   * When runs are snapshotted by themselves and whether their journals are compacted (default: the
   * configuration's {@code snapshots} section; none when it has none).
   */
  public BatonBuilder snapshots(SnapshotPolicy policy) {
    this.snapshots = policy;
    return this;
  }

  /**
   * Keeps step outputs (JSON objects and arrays) bigger than {@code maxInlineBytes} in the store's
   * value store, the run holding only a reference that loads them on demand, through a cache of at
   * most {@code cacheBytes} (default: the configuration's {@code values} section; none stored apart
   * when it has none).
   */
  public BatonBuilder largeValues(long maxInlineBytes, long cacheBytes) {
    this.largeValues = new long[] {maxInlineBytes, cacheBytes};
    return this;
  }

  /**
   * Makes the engine one node of several sharing its store (see {@code baton-cluster}): it owns the
   * runs it holds through leases, queues handler-run steps for every node's executors, and takes
   * over the runs of nodes that stop. Suspended runs always leave memory then, so that any node can
   * take them when they wake. Without it (the default) the engine owns every run.
   */
  public BatonBuilder cluster(ClusterMembership membership) {
    this.cluster = membership;
    return this;
  }

  /**
   * Whether the events {@code event} steps publish wake the runs waiting for them (default true).
   * An application that keeps runs apart — the server's namespaces — turns it off and delivers them
   * itself from {@link RunListener#onPublished}, with {@link Baton#submitInput} on the waits it
   * chooses.
   */
  public BatonBuilder wakeOnPublish(boolean wake) {
    this.wakeOnPublish = wake;
    return this;
  }

  /** Whether suspended runs leave memory until woken (default true). */
  public BatonBuilder evictSuspended(boolean evict) {
    this.evictSuspended = evict;
    return this;
  }

  /** Adds a step type, or replaces a built-in one of the same type. */
  public BatonBuilder step(StepExecutor<? extends StepDef> executor) {
    steps.register(executor.type(), executor);
    return this;
  }

  /**
   * Holds back or answers steps of some kinds for a while (default: {@link StepAdmission#ALWAYS},
   * every step runs as soon as capacity allows).
   */
  public BatonBuilder admission(StepAdmission admission) {
    this.admission = java.util.Objects.requireNonNull(admission, "admission");
    return this;
  }

  /** Adds a tool. */
  public BatonBuilder tool(Tool tool) {
    tools.register(tool.name(), tool);
    return this;
  }

  /** Adds a tool from a lambda. */
  public BatonBuilder tool(String name, String description, Tool.Invoker invoker) {
    return tool(Tool.of(name, description, Map.of(), invoker));
  }

  /** Adds a coordination module. */
  public BatonBuilder module(CoordinationModule module) {
    modules.register(module.name(), module);
    return this;
  }

  /** Adds the handler of {@code task} steps of one capability. */
  public BatonBuilder task(String capability, TaskHandler handler) {
    tasks.register(capability, handler);
    return this;
  }

  /** Adds an expression dialect. */
  public BatonBuilder dialect(ExpressionDialect dialect) {
    expressions = expressions.with(dialect);
    return this;
  }

  /** Adds an observer of every run's events. */
  public BatonBuilder listener(RunListener listener) {
    listeners.add(listener);
    return this;
  }

  /**
   * The backend's stored values, with the limits of the configuration's {@code values} section:
   * {@code max_inline_bytes} (0, the default: every value stays inline) and {@code cache_bytes}.
   */
  private StoredValues values(StoreBackend store) {
    StoredValues values = StoredValues.of(store);
    java.util.Map<String, Object> o = config.options();
    if (largeValues != null) {
      values.configure(largeValues[0], largeValues[1]);
      return values;
    }
    values.configure(
        o.get("values.max_inline_bytes") instanceof Number n ? n.longValue() : 0,
        o.get("values.cache_bytes") instanceof Number n
            ? n.longValue()
            : StoredValues.DEFAULT_CACHE_BYTES);
    return values;
  }

  /** The engine. */
  public Baton build() {
    if (steps.find("tool") == null) {
      steps.register("tool", new ToolStepExecutor(tools));
    }
    if (steps.find("module") == null) {
      steps.register("module", new ModuleStepExecutor(modules));
    }
    if (steps.find("task") == null) {
      steps.register("task", new TaskStepExecutor(tasks));
    }
    StoreBackend store = stores != null ? stores : StoreSet.inMemory();
    SystemTimeSource system = clock == null ? new SystemTimeSource() : null;
    TimeSource time = clock != null ? clock : system;
    DeciderThreads deciders = new DeciderThreads();
    TimerService timerService = new TimerService(store.timers(), time, deciders);
    RuntimeServices rt =
        new RuntimeServices(
            time,
            new Planner(),
            HistoryJournal.of(store),
            store.runs(),
            timerService.store(),
            store.waits(),
            new StepScheduler(config, time, admission),
            listeners,
            deciders,
            cluster == null ? null : cluster.dispatcher(),
            wakeOnPublish,
            values(store),
            new DrainWrites(store.atomicCommits(), store.waits(), timerService));
    WorkflowCompiler compiler =
        new WorkflowCompiler(
            expressions, type -> AdmittedStep.of(steps.find(type), admission), config);
    RunEngine engine =
        new RunEngine(
            rt,
            store.definitions(),
            compiler,
            ids,
            evictSuspended || cluster != null,
            cluster == null ? RunOwnership.SOLE : cluster.ownership());
    RunArchive archive = new RunArchive(rt, engine, store.definitions(), store.snapshots(), ids);
    SnapshotPolicy policy = snapshots != null ? snapshots : SnapshotPolicy.of(config);
    if (policy.automatic()) {
      listeners.add(new AutoSnapshots(policy, archive, store.snapshots()));
    }
    timerService.start(engine::fireTimer);
    ClusterMembership node = cluster;
    if (node != null) {
      node.start(NodePort.of(engine, rt, store.definitions(), timerService));
    }
    if (recoverOnStart) {
      engine.recover();
    }
    Retention purge =
        retention == null
            ? null
            : new Retention(archive, time, deciders, retention, Duration.ofHours(1));
    if (purge != null) {
      purge.start();
    }
    Runnable close =
        () -> {
          if (node != null) {
            node.close();
          }
          if (purge != null) {
            purge.close();
          }
          timerService.close();
          deciders.shutdown();
          if (system != null) {
            system.close();
          }
        };
    return new Baton(
        engine, archive, new WorkflowLoader(languageContext()), store.waits(), listeners, close);
  }

  /**
   * What the language knows of this engine: its dialects and the schemas of its added step types.
   */
  private LanguageContext languageContext() {
    LanguageContext context = LanguageContext.of(new EngineExpressionSupport(expressions));
    for (StepExecutor<?> executor : steps.all()) {
      if (!context.knownTypes().contains(executor.type())) {
        context = context.withStepType(executor.type(), executor.configSchema());
      }
    }
    return context;
  }
}
