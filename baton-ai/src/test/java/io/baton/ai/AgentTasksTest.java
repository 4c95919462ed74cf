package io.baton.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.model.OfflineScript;
import io.baton.ai.model.ProviderConfig;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.engine.Baton;
import io.baton.test.FakeClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The iflow seed's task types run on the agent registered for their capability: the conformance
 * workflow {@code iflow-full-stack-development.json}, unchanged, on the scripted offline model.
 */
class AgentTasksTest {
  private static final Path IFLOW =
      Path.of("../baton-engine/src/test/resources/conformance/iflow-full-stack-development.json");
  private static final List<String> TYPES =
      List.of("analysis", "design", "development", "integration", "testing");
  private static final String SCRIPT =
      """
      replies:
        - when: {agent: analyst}
          text: "requirements: sign-up, catalogue, checkout"
        - when: {agent: architect}
          text: "architecture: React front end, Java API, PostgreSQL"
        - when: {agent: developer, contains: "implement_frontend"}
          text: "front end built"
        - when: {agent: developer}
          text: "back end built"
        - when: {agent: integrator}
          text: "systems integrated"
      """;

  @TempDir Path dir;

  private Baton engine(String... agents) throws Exception {
    Path script = dir.resolve("script.yaml");
    Files.writeString(script, SCRIPT);
    OfflineScript.load(script);
    FakeClock clock = new FakeClock();
    var builder = Baton.builder().clock(clock);
    BatonAi ai =
        BatonAi.install(
            builder,
            AiConfig.of(ProviderConfig.offline("offline", script)),
            new AiEnvironment(clock, null, null, dir));
    for (String spec : agents) {
      String[] nameAndCapability = spec.split(":");
      ai.agents()
          .register(
              AgentDefinition.builder(nameAndCapability[0])
                  .capabilities(nameAndCapability[1])
                  .build());
    }
    ai.routeTasks(
        TYPES,
        (capability, input, ctx) -> Map.of("text", "done by the rules", "capability", capability));
    return ai.attach(builder.build());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> output(RunView run, String step) {
    return (Map<String, Object>) run.step(step).output();
  }

  @Test
  void eachTaskOfTheIflowSeedRunsOnTheAgentOfItsCapability() throws Exception {
    try (Baton baton =
        engine(
            "analyst:analysis",
            "architect:design",
            "developer:development",
            "integrator:integration")) {
      RunView done = baton.start(baton.load(IFLOW), Map.of()).await(Duration.ofSeconds(30));

      assertThat(done.status()).as("%s", done.failure()).isEqualTo(RunStatus.COMPLETED);
      assertThat(output(done, "analyze_requirements"))
          .containsEntry("agent", "analyst")
          .containsEntry("capability", "analysis")
          .containsEntry("text", "requirements: sign-up, catalogue, checkout");
      assertThat(output(done, "design_architecture")).containsEntry("agent", "architect");
      assertThat(output(done, "implement_frontend"))
          .containsEntry("agent", "developer")
          .containsEntry("text", "front end built");
      assertThat(output(done, "implement_backend")).containsEntry("text", "back end built");
      assertThat(output(done, "integrate_systems")).containsEntry("agent", "integrator");
      assertThat(output(done, "test_system"))
          .as("no agent can test: the fallback handler did it")
          .containsEntry("text", "done by the rules")
          .doesNotContainKey("agent");
    }
  }

  @Test
  void withoutAnAgentOrAFallbackATaskFailsNamingItsCapability() throws Exception {
    FakeClock clock = new FakeClock();
    var builder = Baton.builder().clock(clock);
    BatonAi ai =
        BatonAi.install(
            builder,
            AiConfig.of(ProviderConfig.offline("offline", null)),
            new AiEnvironment(clock, null, null, dir));
    ai.routeTasks(List.of("design"), null);
    try (Baton baton = ai.attach(builder.build())) {
      String flow =
          """
          {"name": "one", "tasks": [{"id": "draw", "type": "design", "dependencies": [], "priority": "high"}]}
          """;
      RunView done =
          baton
              .start(baton.loader().parse(flow, "one.json").orThrow(), Map.of())
              .await(Duration.ofSeconds(30));

      assertThat(done.status()).isEqualTo(RunStatus.FAILED);
      assertThat(done.step("draw").failure().kind()).isEqualTo(ErrorKind.NOT_FOUND);
      assertThat(done.step("draw").failure().message())
          .contains("task 'draw'")
          .contains("capability 'design'");
    } finally {
      ai.close();
    }
  }
}
