package io.baton.cluster;

import tools.jackson.databind.json.JsonMapper;

/** The JSON form of what travels between nodes: letters, queued steps and their outcomes. */
final class Json {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  static <T> T read(String json, Class<T> type) {
    return MAPPER.readValue(json, type);
  }
}
