package io.baton.server.stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * One message of a stream: {@code {type, offset, executionId, timestamp, data}}. For a run, {@code
 * offset} is the position of the journal event the message reports (0-based), so a client that
 * reconnects asks for everything after the last offset it saw. Transient messages (tokens, step
 * logs) carry the offset of the last journal event and {@code live: true}: they are not replayed.
 *
 * @param type e.g. {@code node_started}
 * @param offset the position in the stream
 * @param executionId the run, or null for system events
 * @param timestamp when it happened
 * @param data the message's fields
 * @param live true for transient messages, null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamMessage(
    String type,
    long offset,
    String executionId,
    Instant timestamp,
    Map<String, Object> data,
    Boolean live) {}
