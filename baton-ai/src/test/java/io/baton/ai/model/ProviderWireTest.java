package io.baton.ai.model;

import static io.baton.ai.model.GatewayFixture.OPENAI_OK;
import static io.baton.ai.model.GatewayFixture.SECRET;
import static io.baton.ai.model.GatewayFixture.provider;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.baton.ai.StubServer;
import io.baton.ai.TestContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each provider, through its LangChain4j module, against a local server speaking its wire format.
 */
class ProviderWireTest {
  private final GatewayFixture fixture = new GatewayFixture();
  private final TestContext context = new TestContext(fixture.clock, "run-1");

  private ModelResult ask(ModelGateway gateway, String provider) {
    return gateway.call(
        ModelRequest.of("writer", List.of(UserMessage.from("Say hello"))),
        List.of(new ModelRef(provider, null)),
        context);
  }

  @SuppressWarnings("unchecked")
  private static java.util.Map<String, Object> body(StubServer.Request req) {
    return (java.util.Map<String, Object>) io.baton.ai.internal.JsonCodec.read(req.body());
  }

  @Test
  void openAiSendsABearerKeyAndReadsTextAndUsage() throws Exception {
    try (StubServer server = new StubServer().ok(OPENAI_OK)) {
      ModelResult r =
          ask(
              fixture.gateway(
                  provider("openai", ProviderKind.OPENAI, server.url("/v1"), "gpt-4o-mini")),
              "openai");
      assertThat(r.text()).isEqualTo("Hello from OpenAI");
      assertThat(r.usage().inputTokens()).isEqualTo(12);
      assertThat(r.usage().outputTokens()).isEqualTo(4);
      StubServer.Request req = server.requests().getFirst();
      assertThat(req.uri()).isEqualTo("/v1/chat/completions");
      assertThat(req.header("Authorization")).isEqualTo("Bearer " + SECRET);
      assertThat(body(req)).containsEntry("model", "gpt-4o-mini");
      assertThat(req.body()).contains("Say hello");
    }
  }

  @Test
  void openAiCompatibleServersAreReachedAtTheirBaseUrlAndToolCallsAreRead() throws Exception {
    String toolCall =
        """
        {"id":"c2","object":"chat.completion","created":1,"model":"qwen",
         "choices":[{"index":0,"message":{"role":"assistant","content":null,
           "tool_calls":[{"id":"call-1","type":"function","function":{"name":"add","arguments":"{\\"a\\":1,\\"b\\":2}"}}]},
           "finish_reason":"tool_calls"}],
         "usage":{"prompt_tokens":20,"completion_tokens":8,"total_tokens":28}}""";
    try (StubServer server = new StubServer().ok(toolCall)) {
      ModelGateway gateway =
          fixture.gateway(
              ProviderConfig.of(
                  "vllm", ProviderKind.OPENAI_COMPATIBLE, server.url("/compat/v1"), "qwen"));
      ToolSpecification add =
          ToolSpecification.builder()
              .name("add")
              .description("adds")
              .parameters(
                  JsonObjectSchema.builder()
                      .addIntegerProperty("a")
                      .addIntegerProperty("b")
                      .build())
              .build();
      ModelResult r =
          gateway.call(
              new ModelRequest(
                  "calc", List.of(UserMessage.from("1+2?")), List.of(add), null, 0.0, 100, false),
              List.of(new ModelRef("vllm", null)),
              context);
      assertThat(r.message().toolExecutionRequests())
          .singleElement()
          .satisfies(
              t -> {
                assertThat(t.name()).isEqualTo("add");
                assertThat(t.arguments()).isEqualTo("{\"a\":1,\"b\":2}");
              });
      StubServer.Request req = server.requests().getFirst();
      assertThat(req.uri()).isEqualTo("/compat/v1/chat/completions");
      assertThat(body(req)).containsKey("tools").containsEntry("max_tokens", 100);
      assertThat(req.body()).contains("add");
    }
  }

  @Test
  void aProvidersModelsShareOneHttpClientAndItsConnections() throws Exception {
    try (StubServer server = new StubServer().ok(OPENAI_OK).ok(OPENAI_OK).ok(OPENAI_OK)) {
      ModelGateway gateway =
          fixture.gateway(
              provider("openai", ProviderKind.OPENAI, server.url("/v1"), "gpt-4o-mini"));
      for (String model : List.of("gpt-4o-mini", "gpt-4o", "o3")) {
        gateway.call(
            ModelRequest.of("writer", List.of(UserMessage.from("Say hello"))),
            List.of(new ModelRef("openai", model)),
            context);
      }
      assertThat(server.requests())
          .extracting(r -> body(r).get("model"))
          .containsExactly("gpt-4o-mini", "gpt-4o", "o3");
      // three models, one after the other, one pooled connection: a client per model would open
      // three
      assertThat(server.requests())
          .extracting(StubServer.Request::clientPort)
          .containsOnly(server.requests().getFirst().clientPort());
    }
  }

  @Test
  void aPlainHttpServerIsAskedForHttp11WithoutAnUpgradeOffer() throws Exception {
    try (StubServer server = new StubServer().ok(OPENAI_OK)) {
      ask(
          fixture.gateway(
              ProviderConfig.of("local", ProviderKind.OPENAI_COMPATIBLE, server.url("/v1"), "m")),
          "local");
      StubServer.Request req = server.requests().getFirst();
      assertThat(req.header("Upgrade")).as("no h2c upgrade offered").isNull();
      assertThat(req.header("HTTP2-Settings")).isNull();
    }
  }

  @Test
  void azureOpenAiUsesTheDeploymentUrlTheApiVersionAndTheApiKeyHeader() throws Exception {
    try (StubServer server = new StubServer().ok(OPENAI_OK)) {
      ProviderConfig azure =
          provider("azure", ProviderKind.AZURE_OPENAI, server.url(""), "gpt4o-prod")
              .withHeaders(java.util.Map.of(), "2024-10-21");
      assertThat(ask(fixture.gateway(azure), "azure").text()).isEqualTo("Hello from OpenAI");
      StubServer.Request req = server.requests().getFirst();
      assertThat(req.uri())
          .isEqualTo("/openai/deployments/gpt4o-prod/chat/completions?api-version=2024-10-21");
      assertThat(req.header("api-key")).isEqualTo(SECRET);
      assertThat(req.header("Authorization")).isNull();
    }
  }

  @Test
  void anthropicSpeaksTheMessagesApi() throws Exception {
    String reply =
        """
        {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4",
         "content":[{"type":"text","text":"Hello from Claude"}],"stop_reason":"end_turn",
         "usage":{"input_tokens":7,"output_tokens":3}}""";
    try (StubServer server = new StubServer().ok(reply)) {
      ModelResult r =
          ask(
              fixture.gateway(
                  provider(
                      "claude", ProviderKind.ANTHROPIC, server.url("/v1/"), "claude-sonnet-4")),
              "claude");
      assertThat(r.text()).isEqualTo("Hello from Claude");
      assertThat(r.usage().inputTokens()).isEqualTo(7);
      StubServer.Request req = server.requests().getFirst();
      assertThat(req.uri()).isEqualTo("/v1/messages");
      assertThat(req.header("x-api-key")).isEqualTo(SECRET);
      assertThat(req.header("anthropic-version")).isNotBlank();
    }
  }

  @Test
  void ollamaSpeaksItsNativeChatApi() throws Exception {
    String reply =
        """
        {"model":"llama3","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":"Hello from Ollama"},
         "done":true,"done_reason":"stop","prompt_eval_count":9,"eval_count":5}""";
    try (StubServer server = new StubServer().ok(reply)) {
      ModelResult r =
          ask(
              fixture.gateway(
                  ProviderConfig.of("ollama", ProviderKind.OLLAMA, server.url(""), "llama3")),
              "ollama");
      assertThat(r.text()).isEqualTo("Hello from Ollama");
      assertThat(r.usage().outputTokens()).isEqualTo(5);
      assertThat(server.requests().getFirst().uri()).isEqualTo("/api/chat");
    }
  }

  @Test
  void geminiSpeaksGenerateContent() throws Exception {
    String reply =
        """
        {"candidates":[{"content":{"parts":[{"text":"Hello from Gemini"}],"role":"model"},"finishReason":"STOP"}],
         "usageMetadata":{"promptTokenCount":4,"candidatesTokenCount":2,"totalTokenCount":6}}""";
    try (StubServer server = new StubServer().ok(reply)) {
      ModelResult r =
          ask(
              fixture.gateway(
                  provider(
                      "gemini", ProviderKind.GEMINI, server.url("/v1beta"), "gemini-2.0-flash")),
              "gemini");
      assertThat(r.text()).isEqualTo("Hello from Gemini");
      assertThat(r.usage().inputTokens()).isEqualTo(4);
      StubServer.Request req = server.requests().getFirst();
      assertThat(req.uri()).startsWith("/v1beta/models/gemini-2.0-flash:generateContent");
      assertThat(req.header("x-goog-api-key")).isEqualTo(SECRET);
    }
  }
}
