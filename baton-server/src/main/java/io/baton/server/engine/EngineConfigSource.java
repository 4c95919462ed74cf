package io.baton.server.engine;

import io.baton.engine.config.EngineConfig;
import io.baton.engine.config.EngineConfigLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine's configuration from the server's: the seed 004 sections ({@code orchestration},
 * {@code scheduling}, {@code coordination}) and Baton's {@code limits}, written in {@code
 * application.yaml} exactly as in an engine configuration file, or a file named by {@code
 * baton.engine.config-file}. The engine's own loader checks them, so that the server and the CLI
 * accept the same keys with the same messages.
 */
public final class EngineConfigSource {
  static final String[] SECTIONS = {"orchestration", "scheduling", "coordination", "limits"};

  private EngineConfigSource() {}

  /**
   * Reads the configuration.
   *
   * @throws io.baton.engine.config.ConfigInvalidException when a key has a wrong value
   */
  public static EngineConfig read(Environment environment) {
    String file = environment.getProperty("baton.engine.config-file");
    EngineConfigLoader loader = new EngineConfigLoader();
    if (file != null && !file.isBlank()) {
      return loader.load(Path.of(file)).orThrow();
    }
    Binder binder = Binder.get(environment);
    Map<String, Object> tree = new LinkedHashMap<>();
    for (String section : SECTIONS) {
      binder
          .bind(section, Bindable.mapOf(String.class, Object.class))
          .ifBound(values -> tree.put(section, typed(values)));
    }
    if (tree.isEmpty()) {
      return EngineConfig.DEFAULTS;
    }
    String json = JsonMapper.builder().build().writeValueAsString(tree);
    return loader.parse(json, "application configuration.json").orThrow();
  }

  /**
   * Property sources hand every scalar over as text ({@code "10"}, {@code "true"}); the engine's
   * loader checks types, so numbers and booleans are given back their type.
   */
  public static Object typed(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), typed(v)));
      return out;
    }
    if (value instanceof String text) {
      if (text.equals("true") || text.equals("false")) {
        return Boolean.parseBoolean(text);
      }
      if (text.matches("-?\\d{1,18}")) {
        return Long.parseLong(text);
      }
      if (text.matches("-?\\d+\\.\\d+")) {
        return Double.parseDouble(text);
      }
    }
    return value;
  }
}
