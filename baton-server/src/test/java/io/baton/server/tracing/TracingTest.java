package io.baton.server.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.baton.server.support.Api;
import io.baton.server.support.RunningServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/**
 * Traces through the real OTLP/HTTP exporter to a receiver on loopback that decodes each request
 * with the OTLP protobuf classes: a run with a tool step and a model step gives one trace, run →
 * step → model, with the run's and steps' attributes and the model's tokens.
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

  @Test
  void aRunIsOneTraceOfRunStepAndModelSpansSentOverOtlp() throws Exception {
    List<Span> received = new CopyOnWriteArrayList<>();
    List<String> services = new CopyOnWriteArrayList<>();
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
    String runId;
    try {
      try (RunningServer server =
          RunningServer.start(
              Map.of(
                  "baton.data",
                  data.toString(),
                  "baton.tracing.otlp.endpoint",
                  "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces"))) {
        Api api = server.admin();
        api.postText("/api/v1/workflows", FLOW, "application/yaml");
        runId = api.post("/api/v1/workflows/traced/execute", Map.of()).json().get("id").asString();
        api.awaitStatus(runId, "FAILED");
      } // closing the server flushes the batch
    } finally {
      collector.stop(0);
    }

    Map<String, Span> byName =
        received.stream()
            .collect(Collectors.toMap(Span::getName, Function.identity(), (a, b) -> a));
    assertThat(byName).containsKeys("run traced", "step fetch", "step summarise", "step broken");
    assertThat(services).containsOnly("baton");
    Span run = byName.get("run traced");
    assertThat(run.getParentSpanId().isEmpty()).isTrue();
    assertThat(attributes(run.getAttributesList()))
        .containsEntry("baton.run.id", runId)
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
