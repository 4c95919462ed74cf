package io.baton.server.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A correlation rule: once events of every one of {@code types} with the same correlation id have
 * been published within {@code within} of each other, the bus publishes a composite event of type
 * {@code emit} with that correlation id, whose data holds each event's id and data by type.
 *
 * @param id its name, unique in its namespace
 * @param namespace its namespace
 * @param types the event types to see, at least two, each once
 * @param emit the composite event's type
 * @param within how far apart the events may be
 * @param createdBy who created it
 * @param createdAt when
 */
public record CorrelationRule(
    String id,
    String namespace,
    List<String> types,
    String emit,
    Duration within,
    String createdBy,
    Instant createdAt) {}
