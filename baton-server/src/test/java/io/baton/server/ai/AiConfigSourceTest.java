package io.baton.server.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.ai.AiConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Where the server's AI configuration comes from, in order. */
class AiConfigSourceTest {
  @TempDir Path data;

  private static StandardEnvironment environment(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    return environment;
  }

  @Test
  void withoutAnyConfigurationTheOfflineModelAnswers() {
    assertThat(AiConfigSource.read(environment(Map.of()), data)).isEqualTo(AiConfig.OFFLINE);
  }

  @Test
  void readsTheSectionOfApplicationYamlWithItsListsAndNumbers() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("baton.ai.config.providers.demo.kind", "offline");
    p.put("baton.ai.config.defaultModel", "demo/offline");
    p.put("baton.ai.config.budgets.run.calls", "7");
    p.put("baton.ai.config.agents[0].name", "writer");
    p.put("baton.ai.config.agents[0].capabilities[0]", "writing");
    p.put("baton.ai.config.agents[0].maxIterations", "2");

    AiConfig config = AiConfigSource.read(environment(p), data);

    assertThat(config.providers()).extracting(c -> c.name()).containsExactly("demo");
    assertThat(config.defaultModel().toString()).isEqualTo("demo/offline");
    assertThat(config.agents())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.name()).isEqualTo("writer");
              assertThat(a.capabilities()).containsExactly("writing");
              assertThat(a.maxIterations()).isEqualTo(2);
            });
  }

  @Test
  void aNamedFileWinsAndTheDataDirectorysFileIsTheFallback() throws Exception {
    Files.writeString(data.resolve("baton-ai.yaml"), "providers: {beside: {kind: offline}}\n");
    assertThat(AiConfigSource.read(environment(Map.of()), data).providers())
        .extracting(c -> c.name())
        .containsExactly("beside");

    Path named =
        Files.writeString(data.resolve("named.yaml"), "providers: {named: {kind: offline}}\n");
    assertThat(
            AiConfigSource.read(environment(Map.of("baton.ai.config-file", named.toString())), data)
                .providers())
        .extracting(c -> c.name())
        .containsExactly("named");
  }

  @Test
  void aLiteralKeyIsRefusedNamingWhereItIs() {
    Map<String, Object> p =
        Map.of(
            "baton.ai.config.providers.openai.kind", "openai",
            "baton.ai.config.providers.openai.apiKey", "sk-literal");
    assertThatThrownBy(() -> AiConfigSource.read(environment(p), data))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baton.ai.config")
        .hasMessageNotContaining("sk-literal");
  }
}
