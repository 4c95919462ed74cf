package io.baton.engine.config;

import static io.baton.engine.language.DiagnosticCodes.INVALID_VALUE;

import io.baton.engine.language.Severity;
import io.baton.engine.language.internal.EnumText;
import io.baton.engine.language.internal.FieldReader;
import io.baton.engine.language.internal.Finding;
import io.baton.engine.language.internal.Findings;
import io.baton.engine.language.internal.SourceNode;
import io.baton.engine.language.internal.SourceObject;
import io.baton.engine.language.internal.SourceScalar;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the sections of an engine configuration file: the iflow keys of seed 004 ({@code
 * orchestration}, {@code scheduling}, {@code coordination}) and Baton's own ({@code
 * scheduling.aging_interval}, {@code limits}, {@code resources}, {@code snapshots}, {@code
 * values}). Every key that {@link EngineConfig} has no field for is kept in {@code options} under
 * its dotted path.
 */
final class ConfigSections {
  static final List<String> SECTIONS =
      List.of(
          "orchestration",
          "scheduling",
          "coordination",
          "limits",
          "resources",
          "snapshots",
          "values");

  private final Findings findings;
  private final Map<String, Object> options = new LinkedHashMap<>();
  private int maxConcurrentTasks = EngineConfig.DEFAULTS.maxConcurrentTasks();
  private Duration taskTimeout = EngineConfig.DEFAULTS.taskTimeout();
  private int retryAttempts = EngineConfig.DEFAULTS.retryAttempts();
  private SchedulingStrategy strategy = EngineConfig.DEFAULTS.strategy();
  private Duration agingInterval = EngineConfig.DEFAULTS.agingInterval();
  private int perWorkflow;
  private int perRun;
  private final Map<String, Integer> perStepType = new LinkedHashMap<>();
  private final Map<String, Integer> pools = new LinkedHashMap<>();
  private ConflictResolution conflicts = ConflictResolution.PRIORITY;

  ConfigSections(Findings findings) {
    this.findings = findings;
  }

  EngineConfig read(SourceObject root) {
    FieldReader top = new FieldReader(root, findings, null);
    top.rejectUnknown(SECTIONS, "an engine configuration", Severity.WARNING);
    section(top, "orchestration", this::orchestration);
    section(top, "scheduling", this::scheduling);
    section(top, "coordination", this::coordination);
    section(top, "limits", this::limits);
    section(top, "resources", this::resources);
    section(top, "snapshots", this::snapshots);
    section(top, "values", this::values);
    return new EngineConfig(
        maxConcurrentTasks,
        taskTimeout,
        retryAttempts,
        strategy,
        agingInterval,
        perWorkflow,
        perRun,
        perStepType,
        options,
        pools,
        conflicts);
  }

  private void section(
      FieldReader top, String name, java.util.function.Consumer<FieldReader> reader) {
    SourceObject object = top.nested(name);
    if (object != null) {
      reader.accept(top.child(object, "a section"));
    }
  }

  private void orchestration(FieldReader f) {
    f.rejectUnknown(
        List.of("enabled", "mode", "max_concurrent_tasks", "task_timeout", "retry_attempts"),
        "the orchestration section",
        Severity.WARNING);
    option(f, "orchestration.enabled", f.bool("enabled"));
    option(f, "orchestration.mode", choice(f, "mode", List.of("basic", "intelligent", "advanced")));
    Integer max = f.integer("max_concurrent_tasks", 1);
    maxConcurrentTasks = max == null ? maxConcurrentTasks : max;
    Duration timeout = seconds(f, "task_timeout");
    taskTimeout = timeout == null || timeout.isZero() ? taskTimeout : timeout;
    Integer retries = f.integer("retry_attempts", 0);
    retryAttempts = retries == null ? retryAttempts : retries;
  }

  private void scheduling(FieldReader f) {
    f.rejectUnknown(
        List.of("strategy", "priority_levels", "load_threshold", "auto_scaling", "aging_interval"),
        "the scheduling section",
        Severity.WARNING);
    SchedulingStrategy s = f.enumValue("strategy", SchedulingStrategy.class, EnumText::snake);
    strategy = s == null ? strategy : s;
    Integer levels = f.integer("priority_levels", 1);
    if (levels != null && levels != 5) {
      f.report(
          Finding.error(
              INVALID_VALUE,
              f.pointer("priority_levels"),
              "Baton has 5 priority levels (critical, high, medium, low, background); found "
                  + levels));
    }
    option(f, "scheduling.priority_levels", levels);
    option(f, "scheduling.load_threshold", f.number("load_threshold", 0, 1));
    option(f, "scheduling.auto_scaling", f.bool("auto_scaling"));
    Duration aging = seconds(f, "aging_interval");
    agingInterval = aging == null || aging.isZero() ? agingInterval : aging;
  }

  private void coordination(FieldReader f) {
    f.rejectUnknown(
        List.of("sync_mode", "conflict_resolution", "state_persistence", "communication_timeout"),
        "the coordination section",
        Severity.WARNING);
    option(
        f,
        "coordination.sync_mode",
        choice(f, "sync_mode", List.of("synchronous", "asynchronous", "event_driven")));
    String conflict = choice(f, "conflict_resolution", List.of("priority", "timestamp", "random"));
    if (conflict != null) {
      conflicts = EnumText.parse(ConflictResolution.class, conflict).orElse(conflicts);
    }
    option(f, "coordination.state_persistence", f.bool("state_persistence"));
    if (seconds(f, "communication_timeout") != null) {
      option(f, "coordination.communication_timeout", f.json("communication_timeout"));
    }
  }

  private void limits(FieldReader f) {
    f.rejectUnknown(
        List.of("per_workflow", "per_run", "per_step_type"),
        "the limits section",
        Severity.WARNING);
    Integer workflow = f.integer("per_workflow", 0);
    perWorkflow = workflow == null ? 0 : workflow;
    Integer run = f.integer("per_run", 0);
    perRun = run == null ? 0 : run;
    SourceObject types = f.nested("per_step_type");
    if (types != null) {
      FieldReader t = f.child(types, "per_step_type");
      types
          .fields()
          .keySet()
          .forEach(
              type -> {
                Integer max = t.integer(type, 0);
                if (max != null) {
                  perStepType.put(type, max);
                }
              });
    }
  }

  /** {@code resources.pools}: the capacity of each named pool ({@code gpu: 2}). */
  private void resources(FieldReader f) {
    f.rejectUnknown(List.of("pools"), "the resources section", Severity.WARNING);
    SourceObject named = f.nested("pools");
    if (named != null) {
      FieldReader p = f.child(named, "pools");
      named
          .fields()
          .keySet()
          .forEach(
              pool -> {
                Integer capacity = p.integer(pool, 1);
                if (capacity != null) {
                  pools.put(pool, capacity);
                }
              });
    }
  }

  /** {@code snapshots}: automatic snapshots and compaction ({@link SnapshotPolicy}). */
  private void snapshots(FieldReader f) {
    f.rejectUnknown(SnapshotPolicy.KEYS, "the snapshots section", Severity.WARNING);
    option(f, "snapshots.every_events", f.integer("every_events", 0));
    option(f, "snapshots.on_suspend", f.bool("on_suspend"));
    option(f, "snapshots.at_steps", f.ids("at_steps"));
    option(f, "snapshots.compact", f.bool("compact"));
    option(f, "snapshots.keep", f.integer("keep", 1));
  }

  /** {@code values}: large step outputs kept apart and loaded on demand. */
  private void values(FieldReader f) {
    f.rejectUnknown(
        List.of("max_inline_bytes", "cache_bytes"), "the values section", Severity.WARNING);
    option(f, "values.max_inline_bytes", f.integer("max_inline_bytes", 0));
    option(f, "values.cache_bytes", f.integer("cache_bytes", 0));
  }

  /** A time in seconds (the iflow keys' unit), or a duration string ({@code 90s}, {@code 5m}). */
  private static Duration seconds(FieldReader f, String name) {
    SourceNode node = f.node(name);
    if (node instanceof SourceScalar(var p, var at, Number n)) {
      Integer s = f.integer(name, 0);
      return s == null ? null : Duration.ofSeconds(s);
    }
    return node == null ? null : f.durationOf(node, name);
  }

  /** One of {@code allowed}, written in any case style; reported otherwise. */
  private static String choice(FieldReader f, String name, List<String> allowed) {
    String value = f.string(name);
    if (value == null) {
      return null;
    }
    String normalized = value.strip().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
    if (!allowed.contains(normalized)) {
      f.report(FieldReader.invalidEnum(f.node(name), value, name, allowed));
      return null;
    }
    return value;
  }

  private void option(FieldReader f, String key, Object value) {
    if (value != null) {
      options.put(key, value);
    }
  }
}
