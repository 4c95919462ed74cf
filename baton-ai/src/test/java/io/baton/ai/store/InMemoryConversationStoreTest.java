package io.baton.ai.store;

import io.baton.ai.memory.ConversationStore;
import io.baton.ai.memory.InMemoryConversationStore;

class InMemoryConversationStoreTest extends ConversationStoreContract {
  @Override
  protected ConversationStore newStore() {
    return new InMemoryConversationStore();
  }
}
