package io.baton.server.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.server.support.Api;
import io.baton.server.support.ServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Chat with memory: a conversation keeps its messages in the store, replays them to the agent with
 * each new message, is listed and deleted, and belongs to its namespace.
 */
class AgentConversationApiTest extends ServerTest {
  private static final Map<String, Object> TUTOR =
      Map.of("name", "tutor", "type", "chat", "model", Map.of("use", "offline"));

  @Test
  void aConversationRemembersWhatWasSaidAndBelongsToItsNamespace() {
    Api api = admin.in("conv-a");
    assertThat(api.post("/api/v1/agents", TUTOR).status()).isEqualTo(201);

    JsonNode first =
        api.post("/api/v1/agents/tutor/chat", Map.of("message", "My name is Ada.")).json();
    String conversation = first.get("conversationId").asString();
    assertThat(first.get("status").asString()).isEqualTo("COMPLETED");
    JsonNode second =
        api.post(
                "/api/v1/agents/tutor/chat",
                Map.of("message", "What is my name?", "conversationId", conversation))
            .json();
    assertThat(second.get("conversationId").asString()).isEqualTo(conversation);

    // the second run's agent step was given the first exchange before the new message
    JsonNode run = api.get("/api/v1/executions/" + second.get("executionId").asString()).json();
    String prompt = Api.step(run, "reply").get("input").get("prompt").asString();
    assertThat(prompt)
        .contains("User: My name is Ada.")
        .contains("Assistant: " + first.get("reply").asString())
        .endsWith("What is my name?");

    JsonNode stored = api.get("/api/v1/agents/tutor/conversations/" + conversation).json();
    assertThat(stored.get("messages").valueStream().map(m -> m.get("role").asString()))
        .containsExactly("user", "assistant", "user", "assistant");
    assertThat(stored.get("messages").get(3).get("executionId").asString())
        .isEqualTo(second.get("executionId").asString());
    JsonNode listed = api.get("/api/v1/agents/tutor/conversations").json();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("id").asString()).isEqualTo(conversation);

    Api other = admin.in("conv-b");
    assertThat(other.get("/api/v1/agents/tutor/conversations/" + conversation).status())
        .isEqualTo(404);
    assertThat(other.post("/api/v1/agents", TUTOR).status()).isEqualTo(409);

    JsonNode fresh = api.post("/api/v1/agents/tutor/chat", Map.of("message", "Hello")).json();
    assertThat(fresh.get("conversationId").asString()).isNotEqualTo(conversation);
    assertThat(api.get("/api/v1/agents/tutor/conversations").json()).hasSize(2);

    assertThat(api.delete("/api/v1/agents/tutor/conversations/" + conversation).status())
        .isEqualTo(204);
    assertThat(api.get("/api/v1/agents/tutor/conversations/" + conversation).status())
        .isEqualTo(404);
    assertThat(
            api.post(
                    "/api/v1/agents/tutor/chat",
                    Map.of("message", "again", "conversationId", conversation))
                .status())
        .isEqualTo(404);
    assertThat(
            api.post("/api/v1/agents/tutor/chat", Map.of("message", "x", "conversationId", 5))
                .json()
                .get("errors")
                .get(0)
                .get("pointer")
                .asString())
        .isEqualTo("/conversationId");
  }

  @Test
  void thePromptCarriesOnlyTheLastMessagesThatHaveAText() {
    var t0 = java.time.Instant.parse("2030-01-01T00:00:00Z");
    var history =
        java.util.List.of(
            new Conversations.Message("user", "one", null, t0),
            new Conversations.Message("assistant", null, "r1", t0),
            new Conversations.Message("user", "two", null, t0),
            new Conversations.Message("assistant", "2", "r2", t0));
    assertThat(AgentChat.prompt(java.util.List.of(), "hi", 20)).isEqualTo("hi");
    assertThat(AgentChat.prompt(history, "three", 2))
        .isEqualTo(
            "The conversation so far:\nUser: two\nAssistant: 2\n\nThe user's new message:\nthree");
  }
}
