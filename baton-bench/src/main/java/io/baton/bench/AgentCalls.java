package io.baton.bench;

import io.baton.ai.AiConfig;
import io.baton.ai.AiEnvironment;
import io.baton.ai.BatonAi;
import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentType;
import io.baton.ai.agent.ModelSpec;
import io.baton.ai.model.ModelRef;
import io.baton.ai.model.ProviderConfig;
import io.baton.ai.model.ProviderKind;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.engine.Baton;
import io.baton.engine.BatonBuilder;
import io.baton.engine.config.EngineConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * W7 agents: {@code calls} {@code agent} steps at once (a map of that many items, no concurrency
 * limit) against a local OpenAI-compatible server ({@link ModelStub}) answering after 200 ms. The
 * figure {@code wall_ms} is the run's wall time (ideal ≈ 200 ms); {@code plain_wall_ms} is its
 * floor on this machine: as many plain JDK HTTP requests at once, without the engine.
 *
 * <p>{@code overhead_us_per_call} is what a model call costs beyond the HTTP exchange itself:
 * {@code sequential} agent steps one after the other against the endpoint that answers at once,
 * minus as many plain JDK HTTP calls of the same kind, divided by the calls — the engine's
 * scheduling and journaling of the step and its call, the agent loop, LangChain4j's request and
 * response mapping, usage accounting. {@code overhead_cpu_us_per_call} is the same difference in
 * the process's CPU time, which the machine's load barely moves.
 */
final class AgentCalls implements Workload {
  static final String ID = "W7";

  /** Far above the ideal: a run still going after this is stuck, not slow. */
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final int calls;
  private final int sequential;
  private final Plan plan;

  AgentCalls(int calls, int sequential, Plan plan) {
    this.calls = calls;
    this.sequential = sequential;
    this.plan = plan;
  }

  /** The workload of {@code BENCHMARKS.md}: 1,000 calls at once; overhead over 300 calls. */
  static AgentCalls standard() {
    return new AgentCalls(1_000, 300, new Plan(3, 7));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "agents";
  }

  @Override
  public void run(Reporter reporter) throws Exception {
    try (ModelStub stub = ModelStub.start();
        Team team = Team.start(stub, calls)) {
      WorkflowDefinition concurrent = fanOut(team.baton(), "w7-concurrent", "slow", calls);
      WorkflowDefinition oneByOne = fanOut(team.baton(), "w7-sequential", "fast", 1);
      Map<String, String> variant =
          Map.of("calls", String.valueOf(calls), "model_latency_ms", "200");
      Measurement wall =
          Repetitions.measure(
              ID + " concurrent", plan, () -> wallMs(team.baton(), concurrent, calls), reporter);
      reporter.results(
          new Result(ID, "memory", "wall_ms", wall.figure(), "ms", variant), wall, "call", calls);

      // HTTP/1.1 from the first request, as Baton's provider client asks a plain-HTTP server
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      Measurement floor =
          Repetitions.measure(
              ID + " plain HTTP",
              plan,
              () -> plainConcurrentMs(http, stub.baseUrl("slow"), calls),
              reporter);
      reporter.results(
          new Result(ID, "memory", "plain_wall_ms", floor.figure(), "ms", variant),
          floor,
          "call",
          calls);

      // wall time of a sequence shifts with the machine's load; its CPU barely does, so the
      // overhead is given both ways
      List<Double> cpuOverheads = new ArrayList<>();
      Measurement overhead =
          Repetitions.measure(
              ID + " overhead",
              plan,
              () -> {
                long cpu0 = ProcessMeter.cpuNanos();
                double engineMs = wallMs(team.baton(), oneByOne, sequential);
                long cpu1 = ProcessMeter.cpuNanos();
                double plainMs = plainCallsMs(http, stub.baseUrl("fast"), sequential);
                long cpu2 = ProcessMeter.cpuNanos();
                cpuOverheads.add(((cpu1 - cpu0) - (cpu2 - cpu1)) / 1e3 / sequential);
                return (engineMs - plainMs) * 1_000 / sequential;
              },
              reporter);
      Map<String, String> sequence = Map.of("calls", String.valueOf(sequential));
      reporter.result(
          new Result(ID, "memory", "overhead_us_per_call", overhead.figure(), "us", sequence));
      List<Double> measured =
          cpuOverheads.subList(cpuOverheads.size() - plan.measured(), cpuOverheads.size());
      reporter.result(
          new Result(
              ID, "memory", "overhead_cpu_us_per_call", Stats.median(measured), "us", sequence));
    }
  }

  /** Runs {@code flow} once and returns its wall time in ms, after checking every call answered. */
  static double wallMs(Baton baton, WorkflowDefinition flow, int calls) {
    long t0 = System.nanoTime();
    RunView done =
        baton
            .start(flow, Map.of("items", IntStream.range(0, calls).boxed().toList()))
            .await(TIMEOUT);
    long elapsed = System.nanoTime() - t0;
    if (done.status() != RunStatus.COMPLETED) {
      throw new WrongResultException(ID, "a completed run", done.status() + ": " + done.failure());
    }
    List<?> answers = (List<?>) done.outputs();
    if (answers.size() != calls || !answers.stream().allMatch("done"::equals)) {
      throw new WrongResultException(ID, calls + " answers 'done'", String.valueOf(answers));
    }
    return elapsed / 1e6;
  }

  /**
   * {@code items} agent steps on the agent of the {@code speed} endpoint, {@code limit} at once.
   */
  static WorkflowDefinition fanOut(Baton baton, String id, String speed, int limit) {
    String yaml =
        """
        id: %s
        steps:
          - id: calls
            type: map
            items: ${inputs.items}
            maxConcurrency: %d
            result: ${steps.ask.output.text}
            steps:
              - {id: ask, type: agent, agent: %s, input: {prompt: "Question ${item}"}}
        outputs: ${steps.calls.output}
        """
            .formatted(id, limit, speed);
    return baton.loader().parse(yaml, id + ".yaml").orThrow();
  }

  private static HttpRequest plainRequest(String baseUrl) {
    return HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
        .header("Content-Type", "application/json")
        .POST(
            HttpRequest.BodyPublishers.ofString(
                "{\"model\":\"stub\",\"messages\":[{\"role\":\"user\",\"content\":\"Question 1\"}]}"))
        .build();
  }

  /**
   * The floor under {@code wall_ms}: the same number of requests at once, each on its own virtual
   * thread through one JDK client, without the engine — what the HTTP exchange alone costs here.
   */
  private static double plainConcurrentMs(HttpClient http, String baseUrl, int n) throws Exception {
    HttpRequest request = plainRequest(baseUrl);
    long t0 = System.nanoTime();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        answers.add(threads.submit(() -> http.send(request, HttpResponse.BodyHandlers.ofString())));
      }
      for (Future<HttpResponse<String>> answer : answers) {
        if (answer.get().statusCode() != 200) {
          throw new WrongResultException(ID, "200", String.valueOf(answer.get().statusCode()));
        }
      }
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  private static double plainCallsMs(HttpClient http, String baseUrl, int n) throws Exception {
    HttpRequest request = plainRequest(baseUrl);
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      http.send(request, HttpResponse.BodyHandlers.ofString());
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  /** The engine with Baton's AI, an agent per endpoint, and room for every call at once. */
  record Team(Baton baton, BatonAi ai) implements AutoCloseable {
    static Team start(ModelStub stub, int calls) {
      BatonBuilder builder =
          Baton.builder()
              .config(EngineConfig.DEFAULTS.withMaxConcurrentTasks(Math.max(256, 2 * calls)));
      AiConfig config =
          AiConfig.of(
              ProviderConfig.of(
                      "slow", ProviderKind.OPENAI_COMPATIBLE, stub.baseUrl("slow"), "stub")
                  .withLimits(Duration.ofSeconds(30), 0),
              ProviderConfig.of(
                      "fast", ProviderKind.OPENAI_COMPATIBLE, stub.baseUrl("fast"), "stub")
                  .withLimits(Duration.ofSeconds(30), 0));
      BatonAi ai = BatonAi.install(builder, config, AiEnvironment.defaults());
      for (String speed : List.of("slow", "fast")) {
        ai.agents()
            .register(
                AgentDefinition.builder(speed)
                    .type(AgentType.CHAT)
                    .model(new ModelSpec(new ModelRef(speed, "stub"), List.of(), null, null))
                    .build());
      }
      return new Team(ai.attach(builder.build()), ai);
    }

    @Override
    public void close() {
      baton.close();
      ai.close();
    }
  }
}
