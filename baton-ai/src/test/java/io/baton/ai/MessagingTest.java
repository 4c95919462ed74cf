package io.baton.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentType;
import io.baton.ai.message.AgentMessage;
import io.baton.api.run.RunEvent.StepWaiting;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agents sending, broadcasting, subscribing and reading; steps waiting for messages. */
class MessagingTest {
  @TempDir Path dir;

  private static RunView completed(RunView run) {
    assertThat(run.status()).as("run failed: %s", run.failure()).isEqualTo(RunStatus.COMPLETED);
    return run;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> output(RunView run, String step) {
    return (Map<String, Object>) completed(run).step(step).output();
  }

  @Test
  void agentsSendBroadcastSubscribeAndReadThroughTheirTools() throws Exception {
    String script =
        """
        replies:
          - when: {agent: planner, turn: 1}
            toolCalls:
              - {name: send_message, arguments: {to: writer, topic: outline, content: "three parts"}}
              - {name: broadcast_message, arguments: {topic: news, content: "kick-off at nine"}}
              - {name: broadcast_message, arguments: {topic: gossip, content: "not for the writer"}}
          - when: {agent: planner}
            text: "sent"
          - when: {agent: writer, turn: 1}
            toolCalls: [{name: subscribe, arguments: {topic: news}}]
          - when: {agent: writer, afterTool: subscribe}
            toolCalls: [{name: read_messages, arguments: {}}]
          - when: {agent: writer, afterTool: read_messages}
            text: "inbox: {{toolResult}}"
        """;
    try (AiEngine e = AiEngine.offline(script, dir)) {
      e.ai
          .agents()
          .register(
              AgentDefinition.builder("planner")
                  .type(AgentType.REACT)
                  .tools("send_message", "broadcast_message")
                  .build());
      e.ai
          .agents()
          .register(
              AgentDefinition.builder("writer")
                  .type(AgentType.REACT)
                  .tools("subscribe", "read_messages")
                  .build());
      RunView run =
          e.run(
              """
              id: post
              steps:
                - {id: plan, type: agent, agent: planner, input: {prompt: "Plan the article"}}
                - {id: write, type: agent, agent: writer, dependsOn: [plan], input: {prompt: "Write"}}
              """,
              Map.of());

      String inbox = (String) output(run, "write").get("text");
      assertThat(inbox).contains("three parts").contains("kick-off at nine");
      assertThat(inbox).doesNotContain("not for the writer");
      assertThat(e.ai.messages().read(run.runId(), "writer", "outline", 0))
          .singleElement()
          .satisfies(
              m ->
                  assertThat(m)
                      .extracting(AgentMessage::from, AgentMessage::to, AgentMessage::content)
                      .containsExactly("planner", "writer", "three parts"));
    }
  }

  @Test
  void aWaitingStepWakesOnTheNextMessageOnItsTopic() throws Exception {
    try (AiEngine e = AiEngine.offline(null, dir)) {
      CompletableFuture<String> waiting = new CompletableFuture<>();
      e.baton()
          .addListener(
              entry -> {
                if (entry.event() instanceof StepWaiting w) {
                  waiting.complete(entry.runId());
                }
              });
      var handle =
          e.baton()
              .start(
                  e.baton()
                      .loader()
                      .parse(
                          """
                          id: listen
                          steps:
                            - id: verdict
                              type: wait
                              event: {name: "message:verdict", correlationKey: "${run.id}"}
                          """,
                          "listen.yaml")
                      .orThrow(),
                  Map.of());
      String runId = waiting.get(30, TimeUnit.SECONDS);
      e.ai.messages().send(runId, "m-1", "judge", null, "verdict", Map.of("accept", true));

      RunView done = handle.await(Duration.ofSeconds(30));
      assertThat(output(done, "verdict"))
          .containsEntry("from", "judge")
          .containsEntry("topic", "verdict")
          .containsEntry("content", Map.of("accept", true));
    }
  }

  @Test
  void messagesSentBeforeAStepWaitsReachTheWaitingStepsOldestFirstAndOnce() throws Exception {
    try (AiEngine e = AiEngine.offline(null, dir)) {
      RunView run =
          e.run(
              """
              id: queue
              steps:
                - {id: one, type: tool, tool: broadcast_message, input: {topic: work, content: first}}
                - {id: two, type: tool, tool: broadcast_message, dependsOn: [one], input: {topic: work, content: second}}
                - id: take1
                  type: wait
                  dependsOn: [two]
                  event: {name: "message:work", correlationKey: "${run.id}"}
                - id: take2
                  type: wait
                  dependsOn: [take1]
                  event: {name: "message:work", correlationKey: "${run.id}"}
              """,
              Map.of());
      assertThat(output(run, "take1"))
          .containsEntry("content", "first")
          .containsEntry("from", "one");
      assertThat(output(run, "take2")).containsEntry("content", "second");
    }
  }
}
