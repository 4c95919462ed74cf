package io.baton.server.stream;

import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A Server-Sent Events response as a stream sink: event id = offset, event name = type. */
public final class SseSink extends QueuedSink {
  private final SseEmitter emitter;
  private final boolean endsStream;

  /**
   * A sink writing to {@code emitter}; closing the sink completes the response.
   *
   * @param endsStream whether the response ends after an {@code execution_completed} message (a
   *     run's stream; a retried run is followed by reconnecting)
   */
  public SseSink(SseEmitter emitter, boolean endsStream) {
    super("baton-sse");
    this.emitter = emitter;
    this.endsStream = endsStream;
    emitter.onCompletion(this::close);
    emitter.onTimeout(this::close);
    emitter.onError(e -> close());
  }

  @Override
  protected void write(StreamMessage message) throws IOException {
    emitter.send(
        SseEmitter.event()
            .id(Long.toString(message.offset()))
            .name(message.type())
            .data(message, MediaType.APPLICATION_JSON));
    if (endsStream && message.type().equals("execution_completed")) {
      close();
    }
  }

  @Override
  protected void disconnect() {
    emitter.complete();
  }
}
