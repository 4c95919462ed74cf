package io.baton.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.baton.ai.agent.AgentDefinition;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.run.StepStatus;
import io.baton.api.run.StepView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code group-chat} step in real runs on the scripted offline model. */
class GroupChatTest {
  private static final String REVIEW_SCRIPT =
      """
      replies:
        - when: {agent: critic, contains: "draft v2"}
          text: "APPROVED, ship it"
        - when: {agent: critic}
          text: "revise the title"
        - when: {agent: author, contains: "revise the title"}
          text: "draft v2: Tides"
        - when: {agent: author}
          text: "draft v1: About the sea"
      """;

  @TempDir Path dir;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> output(RunView run, String step) {
    assertThat(run.status()).as("run failed: %s", run.failure()).isEqualTo(RunStatus.COMPLETED);
    return (Map<String, Object>) run.step(step).output();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> turns(Map<String, Object> out) {
    return (List<Map<String, Object>>) out.get("turns");
  }

  private static void team(AiEngine e, String... names) {
    for (String n : names) {
      e.ai.agents().register(AgentDefinition.builder(n).build());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void roundRobinTurnsEndOnTheKeywordAndEachTurnIsAStepOfTheChatsChildRun() throws Exception {
    try (AiEngine e = AiEngine.offline(REVIEW_SCRIPT, dir)) {
      team(e, "author", "critic");
      Map<String, Object> out =
          output(
              e.run(
                  """
                  id: review
                  steps:
                    - id: chat
                      type: group-chat
                      agents: [author, critic]
                      terminateOn: APPROVED
                      maxTurns: 10
                      input: {prompt: "Name the article on ${inputs.topic}"}
                  """,
                  Map.of("topic", "tides")),
              "chat");

      assertThat(turns(out))
          .extracting(t -> t.get("agent") + ": " + t.get("text"))
          .containsExactly(
              "author: draft v1: About the sea",
              "critic: revise the title",
              "author: draft v2: Tides",
              "critic: APPROVED, ship it");
      assertThat(out)
          .containsEntry("stoppedBy", "keyword")
          .containsEntry("result", "APPROVED, ship it");

      RunView chat = e.baton().await((String) out.get("childRun"), Duration.ofSeconds(10));
      assertThat(chat.steps().values())
          .filteredOn(s -> s.type().equals("group-chat-turn"))
          .extracting(StepView::path, StepView::status)
          .containsExactlyInAnyOrder(
              tuple("turns[0]/turn", StepStatus.COMPLETED),
              tuple("turns[1]/turn", StepStatus.COMPLETED),
              tuple("turns[2]/turn", StepStatus.COMPLETED),
              tuple("turns[3]/turn", StepStatus.COMPLETED));
      StepView third = chat.step("turns[2]/turn");
      Map<String, Object> thirdOut = (Map<String, Object>) third.output();
      assertThat(thirdOut)
          .containsEntry("turn", 3L)
          .containsEntry("agent", "author")
          .containsEntry("text", "draft v2: Tides")
          .containsEntry("done", false)
          .containsKey("usage");
      assertThat((String) thirdOut.get("input"))
          .contains("Name the article on tides")
          .contains("critic: revise the title");
      assertThat((Map<String, Object>) third.input())
          .containsEntry("request", "Name the article on tides");
      assertThat(third.usage()).as("the turn's own tokens").containsEntry("calls", 1L);
      assertThat((Map<String, Object>) chat.step("turns[3]/turn").output())
          .containsEntry("done", true)
          .containsEntry("stoppedBy", "keyword");
    }
  }

  @Test
  void aModelPicksTheSpeakerAndACelConditionEndsTheChat() throws Exception {
    String script =
        """
        replies:
          - when: {agent: chat-speaker, contains: "- bob:"}
            json: {next: alice}
          - when: {agent: chat-speaker}
            json: {next: bob}
          - when: {agent: bob}
            text: "low tide at noon"
          - when: {agent: alice}
            text: "agreed"
        """;
    try (AiEngine e = AiEngine.offline(script, dir)) {
      team(e, "alice", "bob");
      Map<String, Object> out =
          output(
              e.run(
                  """
                  id: plan
                  steps:
                    - id: chat
                      type: group-chat
                      agents: [alice, bob]
                      speaker: model
                      until: "size(turns) >= 2 && last.agent == 'alice'"
                      input: {prompt: "When do we sail?"}
                  """,
                  Map.of()),
              "chat");
      assertThat(turns(out)).extracting(t -> t.get("agent")).containsExactly("bob", "alice");
      assertThat(out).containsEntry("stoppedBy", "condition").containsEntry("result", "agreed");
    }
  }

  @Test
  void theChatStopsAtMaxTurns() throws Exception {
    try (AiEngine e = AiEngine.offline(REVIEW_SCRIPT, dir)) {
      team(e, "author", "critic");
      Map<String, Object> out =
          output(
              e.run(
                  """
                  id: short
                  steps:
                    - {id: chat, type: group-chat, agents: [author, critic], maxTurns: 3, input: {prompt: "Title?"}}
                  """,
                  Map.of()),
              "chat");
      assertThat(turns(out))
          .extracting(t -> t.get("agent"))
          .containsExactly("author", "critic", "author");
      assertThat(out).containsEntry("stoppedBy", "maxTurns");
    }
  }

  @Test
  void aConditionThatIsNotCelFailsTheStepNamingIt() throws Exception {
    try (AiEngine e = AiEngine.offline(REVIEW_SCRIPT, dir)) {
      team(e, "author", "critic");
      RunView run =
          e.run(
              """
              id: broken
              steps:
                - {id: chat, type: group-chat, agents: [author, critic], until: "last.agent ==", input: {prompt: "Title?"}}
              """,
              Map.of());
      assertThat(run.status()).isEqualTo(RunStatus.FAILED);
      assertThat(run.step("chat").failure().kind()).isEqualTo(ErrorKind.EXPRESSION);
      assertThat(run.step("chat").failure().message())
          .contains("group-chat step 'chat'")
          .contains("last.agent ==");
    }
  }
}
