package io.baton.server.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.server.support.Api;
import io.baton.server.support.ServerTest;
import io.baton.server.support.SocketClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ExecutionStreamTest extends ServerTest {
  static final String REVIEW =
      """
      id: review
      steps:
        - id: gather
          type: parallel
          branches:
            - id: left
              steps:
                - {id: fetch_a, type: tool, tool: echo, input: {part: a}}
            - id: right
              steps:
                - {id: fetch_b, type: tool, tool: echo, input: {part: b}}
        - id: approve
          type: human
          dependsOn: [gather]
          prompt: Publish the review?
          form: {type: object, required: [ok], properties: {ok: {type: boolean}}}
        - id: publish
          type: tool
          tool: echo
          dependsOn: [approve]
          input: {ok: "${steps.approve.output.ok}"}
      """;

  private static String type(JsonNode m) {
    return m.get("type").asString();
  }

  @Test
  void streamsEveryMessageInOrderTakesAnAnswerAndResumesAfterAnOffset() throws Exception {
    Api api = admin.in("stream");
    api.postText("/api/v1/workflows", REVIEW, "application/yaml");
    String id = api.post("/api/v1/workflows/review/execute", Map.of()).json().get("id").asString();

    List<JsonNode> first;
    long inputOffset;
    try (SocketClient ws =
        SocketClient.connect(port, "/ws/v1/executions/" + id + "?namespace=stream", ADMIN_KEY)) {
      ws.send(Map.of("type", "subscribe"));
      first = ws.until(m -> type(m).equals("user_input_required"));
      JsonNode question = first.getLast();
      inputOffset = question.get("offset").asLong();
      assertThat(question.get("data").get("prompt").asString()).isEqualTo("Publish the review?");
      assertThat(question.get("data").get("form").get("required").get(0).asString())
          .isEqualTo("ok");
      ws.send(
          Map.of(
              "type",
              "send_input",
              "waitId",
              question.get("data").get("waitId").asString(),
              "value",
              Map.of("ok", true)));
      List<JsonNode> rest = ws.untilAll("execution_completed", "input_accepted");
      first = Stream.concat(first.stream(), rest.stream()).toList();
    }
    List<String> types = first.stream().map(ExecutionStreamTest::type).toList();
    assertThat(types.getFirst()).isEqualTo("execution_started");
    assertThat(types).contains("node_started", "node_completed", "log", "input_accepted");
    List<JsonNode> stream = first.stream().filter(m -> !type(m).equals("input_accepted")).toList();
    assertThat(type(stream.getLast())).isEqualTo("execution_completed");
    assertThat(stream.getLast().get("data").get("status").asString()).isEqualTo("COMPLETED");
    List<Long> offsets = stream.stream().map(m -> m.get("offset").asLong()).toList();
    assertThat(offsets).isSorted().doesNotHaveDuplicates().startsWith(0L);
    assertThat(offsets.getLast()).isEqualTo(offsets.size() - 1L);
    JsonNode branchDone =
        stream.stream()
            .filter(
                m ->
                    type(m).equals("node_completed")
                        && m.get("data").get("stepId").asString().equals("fetch_b"))
            .findFirst()
            .orElseThrow();
    assertThat(branchDone.get("data").get("path").asString()).isEqualTo("gather[right]/fetch_b");
    assertThat(branchDone.get("data").get("type").asString()).isEqualTo("tool");
    assertThat(branchDone.get("data").get("output").get("part").asString()).isEqualTo("b");
    assertThat(branchDone.get("data").has("durationMs")).isTrue();

    try (SocketClient again =
        SocketClient.connect(port, "/ws/v1/executions/" + id + "?namespace=stream", ADMIN_KEY)) {
      again.send(Map.of("type", "subscribe", "after", inputOffset));
      List<JsonNode> resumed = again.until(m -> type(m).equals("execution_completed"));
      assertThat(resumed.getFirst().get("offset").asLong()).isEqualTo(inputOffset + 1);
      assertThat(resumed.stream().map(m -> m.get("offset").asLong()).toList())
          .isEqualTo(offsets.subList((int) inputOffset + 1, offsets.size()));
    }
  }

  @Test
  void theDetailNamesTheOffsetTheStreamTakesOverFrom() throws Exception {
    Api api = admin.in("detail-offset");
    api.postText(
        "/api/v1/workflows", REVIEW.replace("id: review", "id: review-offset"), "application/yaml");
    String id =
        api.post("/api/v1/workflows/review-offset/execute", Map.of()).json().get("id").asString();
    api.awaitStatus(id, "WAITING");
    JsonNode waiting = api.get("/api/v1/executions/" + id).json();
    JsonNode history = api.get("/api/v1/executions/" + id + "/events").json();
    long offset = waiting.get("offset").asLong();
    // nothing moves while the run waits: the detail is the state after the whole journal
    assertThat(offset).isEqualTo(history.get(history.size() - 1).get("offset").asLong());
    assertThat(waiting.get("pendingInputs")).hasSize(1);

    try (SocketClient ws =
        SocketClient.connect(
            port, "/ws/v1/executions/" + id + "?namespace=detail-offset", ADMIN_KEY)) {
      ws.send(Map.of("type", "subscribe", "after", offset, "batch", true));
      ws.send(
          Map.of(
              "type",
              "send_input",
              "waitId",
              waiting.get("pendingInputs").get(0).get("waitId").asString(),
              "value",
              Map.of("ok", true)));
      List<JsonNode> rest =
          ws.untilAll("execution_completed", "input_accepted").stream()
              .filter(m -> !type(m).equals("input_accepted"))
              .toList();
      assertThat(rest.getFirst().get("offset").asLong()).isEqualTo(offset + 1);
    }
    JsonNode done = api.get("/api/v1/executions/" + id).json();
    JsonNode all = api.get("/api/v1/executions/" + id + "/events").json();
    assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(done.get("offset").asLong())
        .isEqualTo(all.get(all.size() - 1).get("offset").asLong());
  }

  @Test
  void aClientThatAsksForBatchesCatchesUpOnAFinishedRunInFewFrames() throws Exception {
    Api api = admin.in("batches");
    api.postText(
        "/api/v1/workflows",
        """
        id: wide
        steps:
          - id: fan
            type: map
            items: "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]"
            steps:
              - {id: each, type: tool, tool: echo, input: {n: "${item}"}}
        """,
        "application/yaml");
    String id = api.post("/api/v1/workflows/wide/execute", Map.of()).json().get("id").asString();
    api.awaitStatus(id, "COMPLETED");

    try (SocketClient ws =
        SocketClient.connect(port, "/ws/v1/executions/" + id + "?namespace=batches", ADMIN_KEY)) {
      ws.send(Map.of("type", "subscribe", "batch", true));
      List<JsonNode> all = ws.until(m -> type(m).equals("execution_completed"));
      List<Long> offsets = all.stream().map(m -> m.get("offset").asLong()).toList();
      assertThat(offsets).isSorted().doesNotHaveDuplicates().startsWith(0L);
      assertThat(offsets.getLast()).isEqualTo(offsets.size() - 1L);
      assertThat(all).hasSizeGreaterThan(40);
      assertThat(ws.frames()).as("frames for %d messages", all.size()).isLessThan(all.size() / 2);
    }
  }

  @Test
  void theSeedsNodeIdAndDataFormOfSendInputWorks() throws Exception {
    Api api = admin.in("stream-seed");
    api.postText(
        "/api/v1/workflows", REVIEW.replace("id: review", "id: review-seed"), "application/yaml");
    String id =
        api.post("/api/v1/workflows/review-seed/execute", Map.of()).json().get("id").asString();
    try (SocketClient ws =
        SocketClient.connect(
            port, "/ws/v1/executions/" + id + "?namespace=stream-seed", ADMIN_KEY)) {
      ws.send(Map.of("type", "subscribe", "execution_id", id));
      ws.until(m -> type(m).equals("user_input_required"));
      ws.send(Map.of("type", "send_input", "node_id", "approve", "data", Map.of("ok", false)));
      List<JsonNode> rest = ws.untilAll("execution_completed", "input_accepted");
      JsonNode accepted =
          rest.stream().filter(m -> type(m).equals("input_accepted")).findFirst().orElseThrow();
      assertThat(accepted.get("data").get("executionId").asString()).isEqualTo(id);
      ws.send(Map.of("type", "bogus"));
      JsonNode error = ws.until(m -> type(m).equals("error")).getLast();
      assertThat(error.get("data").get("status").asInt()).isEqualTo(400);
    }
  }

  @Test
  void aStreamedModelAnswerArrivesAsTokens() throws Exception {
    Api api = admin.in("stream-llm");
    api.postText(
        "/api/v1/workflows",
        """
        id: streamed-llm
        steps:
          - id: ask
            type: human
            prompt: Go?
            form: {type: object, properties: {go: {type: boolean}}}
          - id: answer
            type: llm
            dependsOn: [ask]
            stream: true
            input: {prompt: Say hello}
        """,
        "application/yaml");
    String id =
        api.post("/api/v1/workflows/streamed-llm/execute", Map.of()).json().get("id").asString();
    try (SocketClient ws =
        SocketClient.connect(
            port, "/ws/v1/executions/" + id + "?namespace=stream-llm", ADMIN_KEY)) {
      ws.send(Map.of("type", "subscribe"));
      JsonNode question = ws.until(m -> type(m).equals("user_input_required")).getLast();
      ws.send(
          Map.of(
              "type",
              "send_input",
              "waitId",
              question.get("data").get("waitId").asString(),
              "value",
              Map.of("go", true)));
      List<JsonNode> rest = ws.untilAll("token", "execution_completed");
      JsonNode token = rest.stream().filter(m -> type(m).equals("token")).findFirst().orElseThrow();
      assertThat(token.get("data").get("nodeId").asString()).isEqualTo("answer");
      assertThat(token.get("data").get("token").asString()).startsWith("[offline model]");
      assertThat(token.get("live").asBoolean()).isTrue();
    }
  }

  @Test
  void serverSentEventsResumeAfterLastEventId() throws Exception {
    Api api = admin.in("stream-sse");
    api.postText(
        "/api/v1/workflows", io.baton.server.support.Flows.greeter("sse"), "application/yaml");
    String id =
        api.post("/api/v1/workflows/sse/execute", Map.of("inputs", Map.of("name", "x")))
            .json()
            .get("id")
            .asString();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/executions/" + id + "/stream"))
            .header("X-API-Key", ADMIN_KEY)
            .header("X-Baton-Namespace", "stream-sse")
            .header("Last-Event-ID", "0")
            .build();
    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    List<String> events = new ArrayList<>();
    try (Stream<String> lines = response.body()) {
      var it = lines.iterator();
      while (it.hasNext()) {
        String line = it.next();
        if (line.startsWith("id:")) {
          ids.add(line.substring(3).trim());
        } else if (line.startsWith("event:")) {
          events.add(line.substring(6).trim());
          if (events.getLast().equals("execution_completed")) {
            break;
          }
        }
      }
    }
    assertThat(ids.getFirst()).isEqualTo("1");
    assertThat(events).doesNotContain("execution_started").contains("node_completed");
  }

  @Test
  void anotherNamespacesRunCannotBeWatched() {
    Api api = admin.in("stream-private");
    api.postText(
        "/api/v1/workflows", io.baton.server.support.Flows.greeter("private"), "application/yaml");
    String id =
        api.post("/api/v1/workflows/private/execute", Map.of("inputs", Map.of("name", "x")))
            .json()
            .get("id")
            .asString();
    assertThat(admin.in("stream-other").get("/api/v1/executions/" + id + "/events").status())
        .isEqualTo(404);
    var failure =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                SocketClient.connect(
                    port, "/ws/v1/executions/" + id + "?namespace=stream-other", ADMIN_KEY));
    assertThat(failure).isNotNull();
  }
}
