package io.baton.server.stream;

import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunEvent;
import io.baton.api.spi.RunListener;
import io.baton.api.store.StoreBackend;
import io.baton.api.time.TimeSource;
import io.baton.engine.Baton;
import io.baton.engine.runtime.HistoryJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * Live streams of runs. A run with subscribers has a channel holding the fold of its journal; each
 * new journal event becomes one message for every subscriber. A subscriber that joins (or rejoins)
 * with an offset first receives the journal after that offset, then the live messages, with no gap
 * and no duplicate: both go through the channel's lock and are ordered by journal position. Runs
 * without subscribers cost one map lookup per event.
 */
@Component
public class RunStreamHub implements RunListener {
  private final StoreBackend store;
  private final TimeSource clock;
  private final Map<String, Channel> channels = new ConcurrentHashMap<>();

  RunStreamHub(StoreBackend store, Baton baton, TimeSource clock) {
    this.store = store;
    this.clock = clock;
    baton.addListener(this);
  }

  /** Subscribes {@code sink} to run {@code runId} from after {@code afterOffset} (-1: all). */
  public void subscribe(String runId, StreamSink sink, long afterOffset) {
    channels.compute(
        runId,
        (id, channel) -> {
          Channel joined = channel == null ? new Channel(id) : channel;
          joined.join(sink, afterOffset);
          return joined;
        });
  }

  /** Ends a subscription. */
  public void unsubscribe(String runId, StreamSink sink) {
    channels.computeIfPresent(runId, (id, channel) -> channel.leave(sink) ? null : channel);
  }

  /** The messages of run {@code runId} after {@code afterOffset}, from its journal. */
  public List<StreamMessage> history(String runId, long afterOffset) {
    RunMessages messages = new RunMessages(runId, this::types);
    List<StreamMessage> out = new ArrayList<>();
    for (JournalEntry entry : HistoryJournal.of(store).read(runId, 0)) {
      StreamMessage message = messages.next(entry);
      if (entry.seq() > afterOffset) {
        out.add(message);
      }
    }
    return out;
  }

  @Override
  public void onEvent(JournalEntry entry) {
    Channel channel = channels.get(entry.runId());
    if (channel != null) {
      channel.deliver(entry);
    }
  }

  @Override
  public void onStepEmit(String runId, String path, String type, Object data) {
    Channel channel = channels.get(runId);
    if (channel != null) {
      channel.emit(path, type, data);
    }
  }

  private StepTypes types(RunEvent.RunStarted started) {
    return new StepTypes(
        store.definitions().find(started.workflowId(), started.workflowVersion()).orElse(null));
  }

  private final class Channel {
    private final String runId;
    private final List<StreamSink> sinks = new CopyOnWriteArrayList<>();
    private RunMessages messages;
    private long lastSeq = -1;

    Channel(String runId) {
      this.runId = runId;
    }

    synchronized void join(StreamSink sink, long afterOffset) {
      // Refold the journal: the new subscriber gets what it missed, the others what the
      // listener has not delivered yet (events are durable before listeners hear of them).
      RunMessages fresh = new RunMessages(runId, RunStreamHub.this::types);
      for (JournalEntry entry : HistoryJournal.of(store).read(runId, 0)) {
        StreamMessage message = fresh.next(entry);
        if (entry.seq() > afterOffset) {
          sink.send(message);
        }
        if (entry.seq() > lastSeq) {
          sinks.forEach(s -> s.send(message));
          lastSeq = entry.seq();
        }
      }
      messages = fresh;
      sinks.add(sink);
    }

    synchronized boolean leave(StreamSink sink) {
      sinks.remove(sink);
      sinks.removeIf(StreamSink::closed);
      return sinks.isEmpty();
    }

    synchronized void deliver(JournalEntry entry) {
      if (entry.seq() <= lastSeq || messages == null) {
        return;
      }
      StreamMessage message = messages.next(entry);
      lastSeq = entry.seq();
      for (StreamSink sink : sinks) {
        sink.send(message);
      }
    }

    /** A step's transient event; the AI's streamed model output ({@code ai.delta}) is tokens. */
    synchronized void emit(String path, String type, Object data) {
      String kind = "token".equals(type) || "ai.delta".equals(type) ? "token" : "log";
      if ("ai.delta".equals(type) && data instanceof Map<?, ?> delta) {
        data = delta.get("text");
      }
      Map<String, Object> body = new java.util.LinkedHashMap<>();
      body.put("executionId", runId);
      body.put("path", path);
      body.put("nodeId", io.baton.server.execution.ExecutionViews.lastSegment(path));
      body.put("kind", type);
      body.put(kind.equals("token") ? "token" : "message", data);
      if (kind.equals("log")) {
        body.put("level", "info");
      }
      StreamMessage message = new StreamMessage(kind, lastSeq, runId, clock.now(), body, true);
      sinks.forEach(s -> s.send(message));
    }
  }
}
