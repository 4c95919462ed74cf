package io.baton.ai.memory;

/**
 * A message between agents as the {@link ConversationStore} keeps it.
 *
 * @param seq its number in the store, increasing in the order messages were sent
 * @param topic its topic
 * @param json the message as JSON
 * @param delivered whether a waiting step received it
 */
public record StoredMessage(long seq, String topic, String json, boolean delivered) {}
