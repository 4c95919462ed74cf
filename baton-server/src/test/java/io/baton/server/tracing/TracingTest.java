package io.baton.server.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.baton.api.spi.Tool;
import io.baton.server.support.Api;
import io.baton.server.support.RunningServer;
import io.baton.test.FakeClock;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

/**
 * Traces through the real OTLP/HTTP exporter to a receiver on loopback that decodes each request
 * with the OTLP protobuf classes: a run with a tool step and a model step gives one trace, run →
 * step → model, with the run's and steps' attributes and the model's tokens; an agent's tool call
 * is a span as long as the call.
 */
class TracingTest {
  private static final String FLOW =
      """
      id: traced
      steps:
        - {id: fetch, type: tool, tool: echo, input: {text: hello}}
        - id: summarise
          type: llm
          dependsOn: [fetch]
          input: {prompt: "Summarise ${steps.fetch.output.text}"}
        - {id: broken, type: tool, tool: fail, dependsOn: [summarise], input: {}}
      """;

  @TempDir Path data;

  /** A run, and the spans the server sent. */
  private record Traced(String runId, List<Span> spans) {}

  /**
   * The spans a server started with {@code properties} (and the beans of {@code extra}) sends while
   * {@code run} starts a run and waits for its end, returning its id.
   */
  private Traced trace(
      Map<String, Object> properties, Function<RunningServer, String> run, Class<?>... extra)
      throws Exception {
    List<Span> received = new CopyOnWriteArrayList<>();
    HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    collector.createContext(
        "/v1/traces",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            request
                .getResourceSpansList()
                .forEach(
                    r -> {
                      services.add(
                          attributes(r.getResource().getAttributesList()).get("service.name"));
                      r.getScopeSpansList().forEach(s -> received.addAll(s.getSpansList()));
                    });
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    collector.start();
    try {
      Map<String, Object> all = new java.util.HashMap<>(properties);
      all.put("baton.data", data.toString());
      all.put(
          "baton.tracing.otlp.endpoint",
          "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces");
      String runId;
      try (RunningServer server = RunningServer.start(all, extra)) {
        runId = run.apply(server);
      } // closing the server flushes the batch
      return new Traced(runId, received);
    } finally {
      collector.stop(0);
    }
  }

  private final List<String> services = new CopyOnWriteArrayList<>();

  @Test
  void aRunIsOneTraceOfRunStepAndModelSpansSentOverOtlp() throws Exception {
    Traced traced = trace(Map.of(), server -> run(server, FLOW, "traced", "FAILED"));
    List<Span> received = traced.spans();

    Map<String, Span> byName =
        received.stream()
            .collect(Collectors.toMap(Span::getName, Function.identity(), (a, b) -> a));
    assertThat(byName).containsKeys("run traced", "step fetch", "step summarise", "step broken");
    assertThat(services).containsOnly("baton");
    Span run = byName.get("run traced");
    assertThat(run.getParentSpanId().isEmpty()).isTrue();
    assertThat(attributes(run.getAttributesList()))
        .containsEntry("baton.run.id", traced.runId())
        .containsEntry("baton.workflow.id", "traced")
        .containsEntry("baton.status", "FAILED");
    assertThat(run.getStatus().getCode().getNumber()).isEqualTo(2); // STATUS_CODE_ERROR

    Span summarise = byName.get("step summarise");
    assertThat(summarise.getTraceId()).isEqualTo(run.getTraceId());
    assertThat(summarise.getParentSpanId()).isEqualTo(run.getSpanId());
    assertThat(attributes(summarise.getAttributesList()))
        .containsEntry("baton.step.id", "summarise")
        .containsEntry("baton.step.attempt", "1")
        .containsEntry("baton.status", "COMPLETED");

    Span model =
        received.stream().filter(s -> s.getName().startsWith("model ")).findFirst().orElseThrow();
    assertThat(model.getParentSpanId()).isEqualTo(summarise.getSpanId());
    Map<String, String> modelAttributes = attributes(model.getAttributesList());
    assertThat(modelAttributes)
        .containsKeys(
            "gen_ai.request.model", "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens");

    Span broken = byName.get("step broken");
    assertThat(broken.getStatus().getMessage()).contains("fail was asked to fail");
  }

  /** Saves {@code flow}, runs it and waits until it has {@code status} → the run's id. */
  private static String run(RunningServer server, String flow, String id, String status) {
    Api api = server.admin();
    assertThat(api.postText("/api/v1/workflows", flow, "application/yaml").status()).isEqualTo(201);
    String runId =
        api.post("/api/v1/workflows/" + id + "/execute", Map.of()).json().get("id").asString();
    api.awaitStatus(runId, status);
    return runId;
  }

  private static final String AGENT_FLOW =
      """
      id: tooled
      steps:
        - id: research
          type: react
          model: scripted
          tools: [slow-lookup]
          input: {prompt: "Look it up"}
      """;

  /** A tool that takes two seconds of the server's fake clock. */
  @Configuration(proxyBeanMethods = false)
  static class SlowTool {
    @Bean
    Tool slowLookup(FakeClock clock) {
      return Tool.of(
          "slow-lookup",
          "looks something up, slowly",
          Map.of("type", "object"),
          (args, ctx) -> {
            clock.advance(Duration.ofSeconds(2));
            return Map.of("found", true);
          });
    }
  }

  @Test
  void aToolSpanLastsAsLongAsTheToolCall() throws Exception {
    Path script = data.resolve("script.yaml");
    Files.writeString(
        script,
        """
        replies:
          - when: {afterTool: slow-lookup}
            text: "found it"
          - when: {turn: 1}
            toolCalls: [{name: slow-lookup, arguments: {}}]
        """);
    Traced traced =
        trace(
            Map.of(
                "baton.ai.config.providers.scripted.kind",
                "offline",
                "baton.ai.config.providers.scripted.script",
                script.toString()),
            server -> run(server, AGENT_FLOW, "tooled", "COMPLETED"),
            SlowTool.class);

    Span tool =
        traced.spans().stream()
            .filter(s -> s.getName().equals("tool slow-lookup"))
            .findFirst()
            .orElseThrow();
    assertThat(tool.getEndTimeUnixNano() - tool.getStartTimeUnixNano())
        .isEqualTo(Duration.ofSeconds(2).toNanos());
    Span step =
        traced.spans().stream()
            .filter(s -> s.getName().equals("step research"))
            .findFirst()
            .orElseThrow();
    assertThat(tool.getParentSpanId()).isEqualTo(step.getSpanId());
    assertThat(attributes(tool.getAttributesList()))
        .containsEntry("gen_ai.tool.name", "slow-lookup");
  }

  @Test
  void tracingIsOffUnlessAnEndpointIsConfigured() {
    var none = new MockEnvironment();
    assertThat(TracingSetup.endpoint(none, Map.of())).isNull();
    assertThat(TracingSetup.endpoint(none, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318/")))
        .isEqualTo("http://c:4318/v1/traces");
    assertThat(
            TracingSetup.endpoint(
                none, Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://c:4318/custom")))
        .isEqualTo("http://c:4318/custom");
    var configured =
        new MockEnvironment().withProperty("baton.tracing.otlp.endpoint", "http://x/t");
    assertThat(TracingSetup.endpoint(configured, Map.of())).isEqualTo("http://x/t");
    assertThat(TracingSetup.endpoint(configured, Map.of("OTEL_TRACES_EXPORTER", "none"))).isNull();
  }

  private static Map<String, String> attributes(List<KeyValue> values) {
    return values.stream()
        .collect(
            Collectors.toMap(
                KeyValue::getKey,
                kv ->
                    kv.getValue().hasIntValue()
                        ? Long.toString(kv.getValue().getIntValue())
                        : kv.getValue().getStringValue(),
                (a, b) -> a));
  }
}
