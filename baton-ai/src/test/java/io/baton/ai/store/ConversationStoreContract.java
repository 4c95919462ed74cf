package io.baton.ai.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.baton.ai.memory.ConversationStore;
import io.baton.ai.memory.StoredMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConversationStore} must do (memories, blackboards, messages): in memory, on H2
 * and on PostgreSQL.
 */
abstract class ConversationStoreContract {
  protected ConversationStore store;

  /** A new, empty store. */
  protected abstract ConversationStore newStore();

  @BeforeEach
  void open() {
    store = newStore();
  }

  @Test
  void aConversationIsKeptPerAgentPerRunAndReplaced() {
    assertThat(store.loadConversation("r1", "writer")).isNull();
    store.saveConversation("r1", "writer", "[1]");
    store.saveConversation("r1", "critic", "[2]");
    store.saveConversation("r2", "writer", "[3]");
    store.saveConversation("r1", "writer", "[1,4]");

    assertThat(store.loadConversation("r1", "writer")).isEqualTo("[1,4]");
    assertThat(store.loadConversation("r1", "critic")).isEqualTo("[2]");
    assertThat(store.loadConversation("r2", "writer")).isEqualTo("[3]");
  }

  @Test
  void aBlackboardHoldsOneValuePerKeyInKeyOrder() {
    assertThat(store.blackboard("r1")).isEmpty();
    store.writeBlackboard("r1", "topic", "\"tides\"");
    store.writeBlackboard("r1", "facts", "[\"noon\"]");
    store.writeBlackboard("r1", "topic", "\"moon\"");
    store.writeBlackboard("r2", "topic", "\"sun\"");

    assertThat(store.blackboard("r1"))
        .containsExactly(Map.entry("facts", "[\"noon\"]"), Map.entry("topic", "\"moon\""));
    assertThat(store.blackboard("r2")).containsExactly(Map.entry("topic", "\"sun\""));
  }

  @Test
  void deletingARunForgetsOnlyThatRun() {
    store.saveConversation("r1", "writer", "[1]");
    store.writeBlackboard("r1", "k", "1");
    store.saveConversation("r2", "writer", "[2]");
    store.writeBlackboard("r2", "k", "2");

    store.deleteRun("r1");

    assertThat(store.loadConversation("r1", "writer")).isNull();
    assertThat(store.blackboard("r1")).isEmpty();
    assertThat(store.loadConversation("r2", "writer")).isEqualTo("[2]");
    assertThat(store.blackboard("r2")).containsEntry("k", "2");
  }

  @Test
  void messagesAreNumberedInOrderAndAResentIdIsNotAppendedAgain() {
    long first = store.appendMessage("r1", "r1/a/1/tool/x/1", "news", "{\"n\":1}");
    long second = store.appendMessage("r1", "r1/a/1/tool/x/2", "plan", "{\"n\":2}");
    store.appendMessage("r2", "r2/a/1/tool/x/1", "news", "{\"n\":3}");

    assertThat(store.appendMessage("r1", "r1/a/1/tool/x/1", "news", "{\"n\":9}")).isEqualTo(first);
    assertThat(second).isGreaterThan(first);
    assertThat(store.messages("r1", 0))
        .extracting(StoredMessage::seq, StoredMessage::topic, StoredMessage::json)
        .containsExactly(tuple(first, "news", "{\"n\":1}"), tuple(second, "plan", "{\"n\":2}"));
    assertThat(store.messages("r1", first)).extracting(StoredMessage::seq).containsExactly(second);
  }

  @Test
  void aDeliveredMessageStaysMarkedAndSubscriptionsAreKeptPerAgent() {
    long seq = store.appendMessage("r1", "m1", "news", "{}");
    assertThat(store.messages("r1", 0).getFirst().delivered()).isFalse();
    assertThat(store.markDelivered("r1", seq, true)).isTrue();
    assertThat(store.markDelivered("r1", seq, true)).as("already delivered").isFalse();
    store.subscribe("r1", "writer", "news");
    store.subscribe("r1", "writer", "news");
    store.subscribe("r1", "writer", "plan");
    store.subscribe("r2", "writer", "other");

    assertThat(store.messages("r1", 0).getFirst().delivered()).isTrue();
    assertThat(store.subscriptions("r1", "writer")).containsExactly("news", "plan");
    assertThat(store.subscriptions("r1", "critic")).isEmpty();
    store.deleteRun("r1");
    assertThat(store.messages("r1", 0)).isEmpty();
    assertThat(store.subscriptions("r1", "writer")).isEmpty();
    assertThat(store.subscriptions("r2", "writer")).containsExactly("other");
  }

  @Test
  void aRemoteAgentsLastHeartbeatIsKeptReplacedAndForgotten() {
    java.time.Instant first = java.time.Instant.parse("2026-11-22T01:00:00.123Z");
    assertThat(store.lastHeartbeat("translator")).isNull();
    store.saveHeartbeat("translator", first);
    store.saveHeartbeat("summarizer", first);
    store.saveHeartbeat("translator", first.plusSeconds(10));
    assertThat(store.lastHeartbeat("translator")).isEqualTo(first.plusSeconds(10));
    store.deleteHeartbeat("translator");
    assertThat(store.lastHeartbeat("translator")).isNull();
    assertThat(store.lastHeartbeat("summarizer")).isEqualTo(first);
  }

  @Test
  void writersRacingOnANewKeyAllSucceed() {
    List<CompletableFuture<Void>> writes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String value = String.valueOf(i);
      writes.add(
          CompletableFuture.runAsync(
              () -> {
                store.writeBlackboard("race", "k", value);
                store.saveConversation("race", "a", "[" + value + "]");
              }));
    }
    CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();

    assertThat(store.blackboard("race").get("k")).matches("[0-7]");
    assertThat(store.loadConversation("race", "a")).matches("\\[[0-7]]");
  }
}
