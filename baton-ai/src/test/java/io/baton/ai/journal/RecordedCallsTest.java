package io.baton.ai.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessageSerializer;
import io.baton.ai.internal.JsonCodec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The journaled form of a model's answer, built without going through JSON text. */
class RecordedCallsTest {
  private static final AiMessage WITH_TOOL_CALLS =
      AiMessage.builder()
          .text("let me add")
          .thinking("two numbers")
          .toolExecutionRequests(
              List.of(
                  ToolExecutionRequest.builder()
                      .id("call-1")
                      .name("add")
                      .arguments("{\"a\":1,\"b\":2}")
                      .build()))
          .build();

  @Test
  void theAnswerIsJournaledInTheShapeOfLangChain4jsMessageJson() {
    for (AiMessage message : List.of(AiMessage.from("done"), WITH_TOOL_CALLS)) {
      assertThat(RecordedCalls.messageValue(message))
          .isEqualTo(JsonCodec.read(ChatMessageSerializer.messageToJson(message)));
    }
  }

  @Test
  void theJournaledAnswerReadsBackEqual() {
    for (AiMessage message : List.of(AiMessage.from("done"), WITH_TOOL_CALLS)) {
      assertThat(RecordedCalls.message(RecordedCalls.messageValue(message))).isEqualTo(message);
    }
  }

  @Test
  void answersWithAttributesKeepThemThroughLangChain4jsSerialiser() {
    AiMessage message = AiMessage.builder().text("hi").attributes(Map.of("cached", "yes")).build();
    Object value = RecordedCalls.messageValue(message);
    assertThat(value).isEqualTo(JsonCodec.read(ChatMessageSerializer.messageToJson(message)));
    assertThat(RecordedCalls.message(value)).isEqualTo(message);
  }
}
