package io.baton.engine.store;

import io.baton.api.run.RunEvent;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns run events into JSON and back, for durable journals and recorded ("golden") journals. Each
 * event is an object with its {@code type} (the record's simple name) and a payload version {@code
 * v}; events only gain nullable fields, so an old journal decodes with the new fields null.
 */
public final class RunEventCodec {
  /** The payload version written today. */
  public static final int VERSION = 1;

  private static final Map<String, Class<? extends RunEvent>> TYPES = new HashMap<>();

  static {
    for (Class<?> c : RunEvent.class.getPermittedSubclasses()) {
      TYPES.put(c.getSimpleName(), c.asSubclass(RunEvent.class));
    }
  }

  private final JsonMapper mapper =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_LONG_FOR_INTS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  /** The event as a JSON object. */
  public ObjectNode toJson(RunEvent event) {
    ObjectNode node = mapper.createObjectNode();
    node.put("type", event.getClass().getSimpleName());
    node.put("v", VERSION);
    node.setAll((ObjectNode) mapper.valueToTree(event));
    return node;
  }

  /** The event as one line of JSON text. */
  public String encode(RunEvent event) {
    return mapper.writeValueAsString(toJson(event));
  }

  /**
   * The event a JSON object stands for.
   *
   * @throws IllegalArgumentException naming the type when it is unknown, or the payload when it
   *     does not decode
   */
  public RunEvent fromJson(JsonNode node) {
    String type = node.path("type").asString("");
    Class<? extends RunEvent> cls = TYPES.get(type);
    if (cls == null) {
      throw new IllegalArgumentException(
          "unknown run event type '" + type + "'; known types: " + TYPES.keySet());
    }
    ObjectNode payload = ((ObjectNode) node).deepCopy();
    payload.remove("type");
    payload.remove("v");
    return mapper.treeToValue(payload, cls);
  }

  /** The event a line of JSON text stands for. */
  public RunEvent decode(String json) {
    return fromJson(mapper.readTree(json));
  }
}
