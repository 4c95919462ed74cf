package io.baton.server.ai;

import io.baton.ai.AiConfig;
import io.baton.ai.AiConfigLoader;
import io.baton.server.engine.EngineConfigSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AI configuration of the server, from the first of: the file named by {@code
 * baton.ai.config-file} (environment {@code BATON_AI_CONFIG_FILE}, or the CLI's {@code
 * BATON_AI_CONFIG}); the section {@code baton.ai.config} of {@code application.yaml}, written
 * exactly as a {@code baton-ai.yaml}; {@code baton-ai.yaml} in the data directory; else no provider
 * at all — the offline model answers, and says so in every answer.
 */
public final class AiConfigSource {
  private AiConfigSource() {}

  /**
   * Reads the configuration.
   *
   * @throws IllegalArgumentException naming the source and the field that is wrong
   */
  public static AiConfig read(Environment environment, Path dataDirectory) {
    String file = environment.getProperty("baton.ai.config-file");
    if (file == null || file.isBlank()) {
      file = environment.getProperty("BATON_AI_CONFIG");
    }
    if (file != null && !file.isBlank()) {
      return AiConfigLoader.load(Path.of(file));
    }
    var inline =
        Binder.get(environment).bind("baton.ai.config", Bindable.mapOf(String.class, Object.class));
    if (inline.isBound()) {
      String json = JsonMapper.builder().build().writeValueAsString(tree(inline.get()));
      return AiConfigLoader.parse(json, Path.of("."), "application configuration baton.ai.config");
    }
    Path beside = dataDirectory.resolve("baton-ai.yaml");
    return Files.isRegularFile(beside) ? AiConfigLoader.load(beside) : AiConfig.OFFLINE;
  }

  /**
   * The section as the loader expects it: property sources give scalars as text and lists as maps
   * keyed {@code 0}, {@code 1}, …; this gives numbers, booleans and lists back.
   */
  static Object tree(Object value) {
    if (value instanceof Map<?, ?> map) {
      if (!map.isEmpty() && map.keySet().stream().allMatch(k -> k.toString().matches("\\d+"))) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; map.containsKey(String.valueOf(i)); i++) {
          list.add(tree(map.get(String.valueOf(i))));
        }
        return list;
      }
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), tree(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(AiConfigSource::tree).toList();
    }
    return EngineConfigSource.typed(value);
  }
}
