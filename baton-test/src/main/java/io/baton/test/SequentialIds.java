package io.baton.test;

import io.baton.api.time.IdGenerator;
import java.util.concurrent.atomic.AtomicLong;

/** Ids {@code run-1}, {@code run-2}, …: predictable ids for tests. */
public final class SequentialIds implements IdGenerator {
  private final AtomicLong next = new AtomicLong(1);

  @Override
  public String newId() {
    return "run-" + next.getAndIncrement();
  }
}
