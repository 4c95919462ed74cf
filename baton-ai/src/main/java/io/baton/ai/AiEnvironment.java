package io.baton.ai;

import io.baton.ai.memory.ConversationStore;
import io.baton.ai.memory.InMemoryConversationStore;
import io.baton.ai.model.SecretSource;
import io.baton.api.time.TimeSource;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link BatonAi} takes from its surroundings.
 *
 * @param clock the clock of circuit breakers (use the engine's); null for the system clock
 * @param secrets the secret store of {@code secret:} keys
 * @param conversations where memories and blackboards are kept
 * @param workDirectory where relative paths of tools and agents resolve
 */
public record AiEnvironment(
    TimeSource clock, SecretSource secrets, ConversationStore conversations, Path workDirectory) {

  public AiEnvironment {
    secrets = Objects.requireNonNullElse(secrets, name -> Optional.empty());
    conversations = Objects.requireNonNullElseGet(conversations, InMemoryConversationStore::new);
    workDirectory = Objects.requireNonNullElse(workDirectory, Path.of("."));
  }

  /** The defaults: system clock, no secret store, memories in memory. */
  public static AiEnvironment defaults() {
    return new AiEnvironment(null, null, null, null);
  }

  /** The defaults with {@code clock}. */
  public static AiEnvironment withClock(TimeSource clock) {
    return new AiEnvironment(clock, null, null, null);
  }
}
