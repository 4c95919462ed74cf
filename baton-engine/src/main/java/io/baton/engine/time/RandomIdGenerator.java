package io.baton.engine.time;

import io.baton.api.time.IdGenerator;
import java.util.UUID;

/** Random UUIDs: the default run ids. The only place the engine draws random numbers. */
public final class RandomIdGenerator implements IdGenerator {
  @Override
  public String newId() {
    return UUID.randomUUID().toString();
  }
}
