package io.baton.cli.ai;

import io.baton.ai.AiConfig;
import io.baton.ai.AiConfigLoader;
import io.baton.ai.AiEnvironment;
import io.baton.ai.AiStepTypes;
import io.baton.ai.BatonAi;
import io.baton.ai.memory.ConversationStore;
import io.baton.engine.BatonBuilder;
import io.baton.engine.language.LanguageContext;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Baton's AI in the CLI: the configuration comes from the file named by {@code BATON_AI_CONFIG},
 * else {@code ./baton-ai.yaml}; without either, the offline model answers every model call (and the
 * CLI's output says so: every answer it makes up starts with "[offline model]").
 */
public final class CliAi {
  /** The environment variable naming the AI configuration file. */
  public static final String CONFIG_VARIABLE = "BATON_AI_CONFIG";

  private CliAi() {}

  /**
   * Installs the AI step types, tools and agents into {@code builder}, keeping agents' memories,
   * blackboards and messages in {@code conversations}.
   *
   * @param configFile the AI configuration; null for {@code BATON_AI_CONFIG}, else {@code
   *     ./baton-ai.yaml}, else the offline model
   */
  public static BatonAi install(
      BatonBuilder builder, ConversationStore conversations, Path configFile) {
    AiConfig config = configFile != null ? AiConfigLoader.load(configFile) : config();
    return BatonAi.install(builder, config, new AiEnvironment(null, null, conversations, null));
  }

  /** The language with the AI step types known, so that files using them load and validate. */
  public static LanguageContext withAiSteps(LanguageContext context) {
    LanguageContext out = context;
    for (var type : AiStepTypes.schemas().entrySet()) {
      out = out.withStepType(type.getKey(), type.getValue());
    }
    return out;
  }

  private static AiConfig config() {
    String named = System.getenv(CONFIG_VARIABLE);
    Path file = named != null && !named.isBlank() ? Path.of(named) : Path.of("baton-ai.yaml");
    if (named == null && !Files.exists(file)) {
      return AiConfig.OFFLINE;
    }
    return AiConfigLoader.load(file);
  }
}
