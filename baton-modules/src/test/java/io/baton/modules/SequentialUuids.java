package io.baton.modules;

import io.baton.api.time.IdGenerator;
import java.util.concurrent.atomic.AtomicLong;

/** UUID v4-shaped ids in sequence ({@code 00000000-0000-4000-8000-000000000001}, …) for tests. */
final class SequentialUuids implements IdGenerator {
  private final AtomicLong next = new AtomicLong(1);

  @Override
  public String newId() {
    return String.format("00000000-0000-4000-8000-%012d", next.getAndIncrement());
  }
}
