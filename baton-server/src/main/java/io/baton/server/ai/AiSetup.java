package io.baton.server.ai;

import io.baton.ai.AiConfig;
import io.baton.ai.AiEnvironment;
import io.baton.ai.BatonAi;
import io.baton.ai.model.SecretSource;
import io.baton.api.time.TimeSource;
import io.baton.engine.BatonBuilder;
import io.baton.server.config.BatonProperties;
import io.baton.server.secrets.SecretStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Baton's AI in the server: {@link BatonAi} installed into the engine's builder with the
 * configuration of {@link AiConfigSource}, the engine's clock, and provider keys written {@code
 * env:NAME} (the environment) or {@code secret:NAME} (the server's {@link SecretStore}, namespace
 * {@code baton.ai.secrets-namespace}, default {@code default}).
 */
@Configuration(proxyBeanMethods = false)
public class AiSetup {
  private static final Logger LOG = LoggerFactory.getLogger(AiSetup.class);

  /** The AI configuration ({@link AiConfigSource}). */
  @Bean
  AiConfig aiConfig(Environment environment, BatonProperties properties) {
    return AiConfigSource.read(environment, properties.data());
  }

  /** The AI, installed before the engine is built; closed after it (MCP connections end). */
  @Bean(destroyMethod = "close")
  BatonAi batonAi(
      BatonBuilder builder,
      AiConfig config,
      BatonProperties properties,
      TimeSource clock,
      SecretStore secrets,
      @Value("${baton.ai.secrets-namespace:default}") String secretsNamespace) {
    SecretSource fromStore = name -> secrets.reveal(secretsNamespace, name);
    BatonAi ai =
        BatonAi.install(
            builder, config, new AiEnvironment(clock, fromStore, null, properties.data()));
    if (config.providers().isEmpty()) {
      LOG.info("AI: no model provider configured; the offline model answers every model call");
    } else {
      LOG.info(
          "AI: providers {}, {} agent(s)",
          config.providers().stream().map(p -> p.name()).toList(),
          config.agents().size());
    }
    return ai;
  }
}
