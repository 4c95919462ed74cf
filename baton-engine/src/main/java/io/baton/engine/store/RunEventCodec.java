package io.baton.engine.store;

import io.baton.api.run.RunEvent;
import java.lang.reflect.RecordComponent;
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

  /** Shared by every codec (it is thread-safe): codecs are made per reader, and cheaply. */
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_LONG_FOR_INTS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .addModule(StoredValues.references())
          .build();

  /** Where references to stored values lead when decoding, or null to leave them as read. */
  private final StoredValues values;

  /**
   * A codec that writes stored values as references and leaves references as plain maps when
   * reading (for tools that show journals).
   */
  public RunEventCodec() {
    this(null);
  }

  /** A codec that reads references to stored values as stand-ins loading from {@code values}. */
  public RunEventCodec(StoredValues values) {
    this.values = values;
  }

  /** The event as a JSON object. */
  public ObjectNode toJson(RunEvent event) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("type", event.getClass().getSimpleName());
    node.put("v", VERSION);
    node.setAll((ObjectNode) MAPPER.valueToTree(event));
    return node;
  }

  /** The event as one line of JSON text. */
  public String encode(RunEvent event) {
    return MAPPER.writeValueAsString(toJson(event));
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
    RunEvent event = MAPPER.treeToValue(payload, cls);
    return values != null && node.findValue(StoredValues.MARKER) != null ? bind(event) : event;
  }

  /** The event a line of JSON text stands for. */
  public RunEvent decode(String json) {
    return fromJson(MAPPER.readTree(json));
  }

  /** The event with the references to stored values in its fields replaced by stand-ins. */
  private RunEvent bind(RunEvent event) {
    RecordComponent[] components = event.getClass().getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        args[i] = components[i].getAccessor().invoke(event);
        if (types[i] == Object.class || Map.class.isAssignableFrom(types[i])) {
          args[i] = values.bind(args[i]);
        }
      }
      return event.getClass().getDeclaredConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot rebuild " + event.getClass().getSimpleName(), e);
    }
  }
}
