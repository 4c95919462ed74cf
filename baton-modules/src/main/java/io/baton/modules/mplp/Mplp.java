package io.baton.modules.mplp;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Building blocks of MPLP v1.0 documents: {@code meta}, timestamps, events and identifiers, written
 * the way the MPLP examples write them ({@code 2025-01-01T00:00:00.000Z}).
 */
public final class Mplp {
  /** The protocol and schema version Baton's documents declare. */
  public static final String VERSION = "1.0.0";

  private static final Pattern UUID_V4 =
      Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  private static final Pattern EVENT_TYPE =
      Pattern.compile("^[a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*$");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Mplp() {}

  /** An MPLP timestamp: ISO 8601 in UTC with milliseconds. */
  public static String time(Instant at) {
    return TIME.format(at);
  }

  /** A {@code meta} object of a document created at {@code at} by {@code createdBy}. */
  public static Map<String, Object> meta(Instant at, String createdBy) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("protocol_version", VERSION);
    meta.put("schema_version", VERSION);
    meta.put("created_at", time(at));
    if (createdBy != null && !createdBy.isBlank()) {
      meta.put("created_by", createdBy);
    }
    return meta;
  }

  /**
   * An MPLP event ({@code common/events.schema.json}).
   *
   * @param eventId a UUID v4
   * @param type dot-separated lower-case words, e.g. {@code plan.created}
   * @param source the module or component that emits it
   * @param data the payload, or null
   */
  public static Map<String, Object> event(
      String eventId, String type, String source, Instant at, Map<String, Object> data) {
    if (!EVENT_TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException(
          "MPLP event types are dot-separated lower-case words such as 'plan.created', not '"
              + type
              + "'");
    }
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("event_id", eventId);
    event.put("event_type", type);
    event.put("source", source);
    event.put("timestamp", time(at));
    if (data != null) {
      event.put("data", data);
    }
    return event;
  }

  /** Whether {@code text} is a lower-case UUID version 4, as MPLP identifiers must be. */
  public static boolean isId(Object text) {
    return text instanceof String s && UUID_V4.matcher(s).matches();
  }
}
