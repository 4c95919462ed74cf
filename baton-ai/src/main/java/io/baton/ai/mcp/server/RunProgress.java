package io.baton.ai.mcp.server;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.spi.RunListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Follows the runs MCP tool calls started, and tells each call's watcher when one of its steps
 * ends: one listener on the engine, the watchers by run id.
 */
final class RunProgress implements RunListener {
  private record Watch(BiConsumer<Integer, String> watcher, AtomicInteger ended) {}

  private final Map<String, Watch> watches = new ConcurrentHashMap<>();

  /**
   * Tells {@code watcher} (count of ended steps, a message) about each step of run {@code runId}
   * that ends, until {@link #stop}.
   */
  void watch(String runId, BiConsumer<Integer, String> watcher) {
    watches.put(runId, new Watch(watcher, new AtomicInteger()));
  }

  void stop(String runId) {
    watches.remove(runId);
  }

  @Override
  public void onEvent(JournalEntry entry) {
    Watch watch = watches.get(entry.runId());
    if (watch == null) {
      return;
    }
    String message =
        switch (entry.event()) {
          case RunEvent.StepCompleted e -> "step " + e.path() + " completed";
          case RunEvent.StepFailed e -> "step " + e.path() + " failed: " + e.failure().message();
          default -> null;
        };
    if (message != null) {
      watch.watcher().accept(watch.ended().incrementAndGet(), message);
    }
  }
}
