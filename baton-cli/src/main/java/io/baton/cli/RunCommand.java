package io.baton.cli;

import io.baton.api.definition.StepDef;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.store.StoreBackend;
import io.baton.api.store.StoreUnavailableException;
import io.baton.cli.offline.OfflineStandIns;
import io.baton.cli.progress.ProgressRenderer;
import io.baton.cli.progress.RunProgress;
import io.baton.cli.run.AnswerBook;
import io.baton.cli.run.Answers;
import io.baton.cli.run.InputCheck;
import io.baton.cli.run.JsonText;
import io.baton.cli.run.LocalEngine;
import io.baton.cli.run.RunSession;
import io.baton.cli.run.TerminalQuestions;
import io.baton.cli.runs.StoreLocations;
import io.baton.engine.InvalidInputException;
import io.baton.engine.config.EngineConfig;
import io.baton.engine.language.DefinitionInvalidException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code baton run FILE}: validates a workflow, runs it in-process with live progress, answers its
 * human steps and prints its outputs. Exit 0 when the run completed, 1 when it failed, 2 when the
 * workflow, inputs, answers or options are invalid.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a workflow in-process, showing its steps as they run, and prints its outputs.",
      "Progress and questions go to stderr; outputs to stdout."
    },
    footer = {
      "",
      "Examples:",
      "  baton run examples/hello.yaml --input name=Ada",
      "  baton run examples/approval.yaml --answer approve=true --output json",
      "",
      "Exit codes: 0 completed, 1 the run failed, 2 invalid workflow, input, answer or option."
    })
final class RunCommand implements Callable<Integer> {
  private final Terminal terminal;
  private final WorkflowFiles files = new WorkflowFiles();

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The workflow: Baton YAML/JSON, or a seed format (MPLP, iflow).")
  private Path file;

  @Option(
      names = {"-i", "--input"},
      paramLabel = "KEY=VALUE",
      description = "An input of the run; VALUE is read as JSON when it is JSON, else as text.")
  private Map<String, String> inputs = new LinkedHashMap<>();

  @Option(
      names = "--input-file",
      paramLabel = "FILE",
      description = "A JSON or YAML object of inputs; --input values override it.")
  private Path inputFile;

  @Option(
      names = {"-a", "--answer"},
      paramLabel = "STEP=VALUE",
      description =
          "The answer of human step STEP (an id or a path), JSON or text. Needed without a terminal.")
  private Map<String, String> answers = new LinkedHashMap<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (the outputs, default) or json (the whole final run state).")
  private OutputFormat output;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Engine configuration (the iflow orchestration keys, YAML).")
  private Path config;

  @Option(
      names = "--ai-config",
      paramLabel = "FILE",
      description =
          "The AI configuration: providers, agents, MCP servers (docs/agents.md). Default:"
              + " $BATON_AI_CONFIG, else ./baton-ai.yaml, else the offline model only.")
  private Path aiConfig;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "10m",
      converter = DurationConverter.class,
      description = "How long the run may take before it is cancelled (default ${DEFAULT-VALUE}).")
  private Duration timeout;

  @Option(
      names = "--workflows",
      paramLabel = "DIR",
      description =
          "Another directory to find subworkflows in (the run file's own is always searched).")
  private List<Path> workflowDirs = new ArrayList<>();

  @Option(
      names = "--store",
      paramLabel = "LOCATION",
      description =
          "Keep the run in this store (h2:./data/baton, jdbc:postgresql://HOST:PORT/DB, …) so that"
              + " 'baton runs' can list and resume it; in memory when not given.")
  private String store;

  RunCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  /** Everything a run needs, checked. */
  private record Prepared(
      WorkflowDefinition definition,
      List<WorkflowDefinition> subworkflows,
      Map<String, Object> inputs,
      AnswerBook answers,
      EngineConfig config) {}

  @Override
  public Integer call() throws InterruptedException {
    ProblemReport report = new ProblemReport(terminal.err());
    try {
      return run(prepare(report));
    } catch (InvalidRequestException e) {
      return report.invalid(e.problems(), e.advice());
    }
  }

  /**
   * Loads and checks the workflow, its subworkflows, the inputs, the answers and the configuration.
   */
  private Prepared prepare(ProblemReport report) {
    Loaded<WorkflowDefinition> loaded = files.load(file);
    if (!loaded.ok()) {
      throw new InvalidRequestException(
          loaded.errors(),
          file
              + " is invalid ("
              + ProblemReport.count(loaded.errors().size(), "error")
              + "); fix the lines above and run again");
    }
    report.warnings(loaded.warnings());
    WorkflowDefinition definition = loaded.value();
    List<WorkflowDefinition> children = subworkflows(definition);
    if (aiConfig != null && !Files.isRegularFile(aiConfig)) {
      throw new InvalidRequestException(
          List.of("--ai-config " + aiConfig + ": no such file"),
          "give the path of a baton-ai.yaml (docs/agents.md)");
    }
    AnswerBook book = new AnswerBook(answers);
    List<String> unknown = book.unknown(stepIds(definition, children));
    if (!unknown.isEmpty()) {
      throw new InvalidRequestException(
          unknown.stream()
              .map(s -> "--answer " + s + ": the workflow has no step '" + s + "'")
              .toList(),
          "name a human step by its id or path");
    }
    return new Prepared(definition, children, runInputs(definition), book, engineConfig(report));
  }

  private List<WorkflowDefinition> subworkflows(WorkflowDefinition definition) {
    List<Path> dirs = new ArrayList<>(List.of(file.toAbsolutePath().getParent()));
    dirs.addAll(workflowDirs);
    SubworkflowLibrary.Resolution children =
        new SubworkflowLibrary(files, dirs).resolve(definition);
    if (!children.problems().isEmpty()) {
      throw new InvalidRequestException(
          children.problems(), "the subworkflows of " + file + " cannot all be loaded");
    }
    return children.workflows();
  }

  /** The inputs from --input-file and --input, with the schema's defaults, checked against it. */
  private Map<String, Object> runInputs(WorkflowDefinition definition) {
    Map<String, Object> given = new LinkedHashMap<>();
    if (inputFile != null) {
      try {
        given.putAll(JsonText.readObject(inputFile));
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(
            List.of(e.getMessage()), "fix --input-file and run again");
      }
    }
    inputs.forEach((key, text) -> given.put(key, JsonText.value(text)));
    Map<String, Object> all = InputCheck.withDefaults(definition.inputs(), given);
    List<String> problems = InputCheck.problems(definition.inputs(), all);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(
          problems, "give the inputs with --input NAME=VALUE or --input-file FILE");
    }
    return all;
  }

  private EngineConfig engineConfig(ProblemReport report) {
    if (config == null) {
      return EngineConfig.DEFAULTS;
    }
    Loaded<EngineConfig> loaded = files.loadConfig(config);
    if (!loaded.ok()) {
      throw new InvalidRequestException(
          loaded.errors(), config + " is not a valid engine configuration");
    }
    report.warnings(loaded.warnings());
    return loaded.value();
  }

  private int run(Prepared p) throws InterruptedException {
    List<WorkflowDefinition> all = new ArrayList<>(p.subworkflows());
    all.addFirst(p.definition());
    String notice = OfflineStandIns.notice(all);
    if (notice != null) {
      terminal.err().println(notice);
    }
    Clock clock = Clock.systemUTC();
    Optional<TerminalQuestions> asker =
        terminal.interactive()
            ? Optional.of(new TerminalQuestions(terminal.in(), terminal.err()))
            : Optional.empty();
    RunSession.Limits limits =
        new RunSession.Limits(timeout, Duration.ofMillis(200), Duration.ofSeconds(10), clock);
    try (StoreBackend stores = openStore();
        LocalEngine engine = LocalEngine.start(p.config(), p.subworkflows(), stores, aiConfig)) {
      RunSession session =
          new RunSession(
              engine,
              ProgressRenderer.forTerminal(terminal, clock),
              new RunProgress(stepTypes(all)),
              new Answers(p.answers(), asker),
              limits);
      return new OutcomeReport(terminal, output).print(session.run(p.definition(), p.inputs()));
    } catch (InvalidInputException e) {
      // The CLI checks inputs first; this is the engine's own check, should it find more.
      throw new InvalidRequestException(e.problems(), "the engine refused the inputs of the run");
    } catch (DefinitionInvalidException e) {
      throw new InvalidRequestException(
          e.diagnostics().stream().map(Object::toString).toList(),
          "the engine refused the workflow");
    }
  }

  /** The store of {@code --store}, or null for the engine's in-memory default. */
  private StoreBackend openStore() {
    if (store == null) {
      return null;
    }
    try {
      return StoreLocations.open(store);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(List.of(e.getMessage()), "name a store Baton knows");
    } catch (StoreUnavailableException e) {
      throw new InvalidRequestException(
          List.of(e.getMessage()), "fix the store, or run without --store");
    }
  }

  private static Set<String> stepIds(WorkflowDefinition root, List<WorkflowDefinition> children) {
    Set<String> ids = new HashSet<>();
    root.allSteps().forEach(s -> ids.add(s.id()));
    children.forEach(c -> c.allSteps().forEach(s -> ids.add(s.id())));
    return ids;
  }

  /** The type of each step, by workflow id and step id, for the progress display. */
  private static BiFunction<String, String, String> stepTypes(List<WorkflowDefinition> workflows) {
    Map<String, Map<String, String>> types = new HashMap<>();
    for (WorkflowDefinition w : workflows) {
      Map<String, String> byId = types.computeIfAbsent(w.id(), k -> new HashMap<>());
      for (StepDef step : w.allSteps()) {
        byId.put(step.id(), step.type());
      }
    }
    return (workflow, step) -> types.getOrDefault(workflow, Map.of()).get(step);
  }
}
