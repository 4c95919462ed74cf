package io.baton.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of the stores' records (the {@code body} columns), and the conversions of their
 * query columns. Records are read back from their JSON, never from the query columns, so that they
 * come back exactly as saved (PostgreSQL keeps timestamps to the microsecond only).
 */
final class JsonBodies {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private JsonBodies() {}

  static String write(Object record) {
    return MAPPER.writeValueAsString(record);
  }

  static <T> T read(String json, Class<T> type) {
    return MAPPER.readValue(json, type);
  }

  /** Binds {@code time} to a {@code TIMESTAMP WITH TIME ZONE} parameter. */
  static void setTime(PreparedStatement ps, int index, Instant time) throws SQLException {
    ps.setObject(index, OffsetDateTime.ofInstant(time, ZoneOffset.UTC));
  }
}
