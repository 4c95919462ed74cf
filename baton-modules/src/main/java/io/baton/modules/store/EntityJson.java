package io.baton.modules.store;

import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON text of entity documents. Stores keep text rather than live objects, so that what comes
 * out of a store never shares state with what went in, in memory as in a database.
 */
final class EntityJson {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private EntityJson() {}

  static String write(Map<String, Object> document) {
    return MAPPER.writeValueAsString(document);
  }

  static Map<String, Object> read(String json) {
    return MAPPER.readValue(json, MAP);
  }
}
