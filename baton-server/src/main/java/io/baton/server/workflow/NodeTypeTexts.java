package io.baton.server.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the palette shows of each step type (the engine's and the AI module's), in English,
 * Simplified Chinese and Japanese: read from {@code node-types.json} beside this class, where
 * translators edit them.
 */
final class NodeTypeTexts {
  private record Text(
      String category,
      String icon,
      boolean composite,
      Map<String, String> label,
      Map<String, String> description) {}

  private static final String RESOURCE = "node-types.json";
  private static final Map<String, Text> TEXTS = load();

  private NodeTypeTexts() {}

  private static Map<String, Text> load() {
    try (InputStream in = NodeTypeTexts.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the server's classpath");
      }
      return JsonMapper.builder().build().readValue(in, new TypeReference<Map<String, Text>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** The catalogue entry of {@code type} with {@code schema}; extension types get neutral texts. */
  static NodeType of(String type, Map<String, Object> schema) {
    Text t = TEXTS.get(type);
    if (t == null) {
      String description = "A step type added by an extension.";
      return new NodeType(
          type,
          "action",
          Map.of("en", type, "zh", type, "ja", type),
          Map.of("en", description, "zh", "由扩展添加的步骤类型。", "ja", "拡張機能が追加したステップ型。"),
          "puzzle",
          schema,
          false);
    }
    return new NodeType(
        type, t.category(), t.label(), t.description(), t.icon(), schema, t.composite());
  }
}
