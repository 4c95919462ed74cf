package io.baton.ai.model;

import static io.baton.ai.model.GatewayFixture.OPENAI_OK;
import static io.baton.ai.model.GatewayFixture.SECRET;
import static io.baton.ai.model.GatewayFixture.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.UserMessage;
import io.baton.ai.StubServer;
import io.baton.ai.TestContext;
import io.baton.ai.usage.Budget;
import io.baton.ai.usage.PriceTable;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Retries, Retry-After, the circuit breaker, the fallback chain, timeouts, usage, cost and budgets.
 */
class GatewayResilienceTest {
  private final GatewayFixture fixture = new GatewayFixture();
  private final TestContext context = new TestContext(fixture.clock, "run-1");
  private final ModelRequest hello = ModelRequest.of("writer", List.of(UserMessage.from("hello")));

  private ModelResult call(ModelGateway gateway, String... chain) {
    return gateway.call(
        hello, java.util.Arrays.stream(chain).map(ModelRef::parse).toList(), context);
  }

  @Test
  void aRateLimitedCallWaitsTheRetryAfterOnTheEnginesClockThenSucceeds() throws Exception {
    try (StubServer server =
        new StubServer()
            .reply(429, Map.of("Retry-After", "7"), "{\"error\":{\"message\":\"slow down\"}}")
            .ok(OPENAI_OK)) {
      ModelGateway gateway =
          fixture.gateway(
              provider("openai", ProviderKind.OPENAI, server.url("/v1"), "gpt-4o-mini"));
      Instant start = fixture.clock.now();
      CompletableFuture<ModelResult> result =
          CompletableFuture.supplyAsync(
              () -> call(gateway, "openai"), r -> Thread.ofVirtual().start(r));
      awaitTimer();
      assertThat(fixture.clock.pendingTimers()).containsExactly(start.plusSeconds(7));
      fixture.clock.advance(Duration.ofSeconds(7));
      ModelResult r = result.get();
      assertThat(r.text()).isEqualTo("Hello from OpenAI");
      assertThat(r.failures()).singleElement().asString().contains("rate_limited");
      assertThat(server.requests()).hasSize(2);
    }
  }

  @Test
  void aFailingModelFallsBackToTheNextOfTheChain() throws Exception {
    try (StubServer server = new StubServer().reply(500, Map.of(), "{\"error\":\"down\"}")) {
      ModelGateway gateway =
          fixture.gateway(
              provider("openai", ProviderKind.OPENAI, server.url("/v1"), "gpt-4o-mini")
                  .withLimits(Duration.ofSeconds(5), 0));
      ModelResult r = call(gateway, "openai", "offline");
      assertThat(r.offline()).isTrue();
      assertThat(r.provider()).isEqualTo("offline");
      assertThat(r.text()).startsWith(OfflineModel.LABEL);
      assertThat(r.failures())
          .singleElement()
          .asString()
          .startsWith("openai attempt 1: unavailable");
    }
  }

  @Test
  void theCircuitOpensAfterTheThresholdAndLetsATrialCallThroughAfterTheRecoveryTime()
      throws Exception {
    try (StubServer server =
        new StubServer().reply(503, Map.of(), "{}").reply(503, Map.of(), "{}").ok(OPENAI_OK)) {
      ModelGateway gateway =
          fixture.gateway(
              provider("openai", ProviderKind.OPENAI, server.url("/v1"), "gpt-4o-mini")
                  .withLimits(Duration.ofSeconds(5), 0));
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> call(gateway, "openai")).isInstanceOf(StepException.class);
      }
      assertThat(gateway.breaker("openai").state()).isEqualTo(CircuitBreaker.State.OPEN);
      assertThatThrownBy(() -> call(gateway, "openai"))
          .isInstanceOf(StepException.class)
          .hasMessageContaining("circuit open");
      assertThat(server.requests()).hasSize(2);
      fixture.clock.advance(Duration.ofSeconds(30));
      assertThat(call(gateway, "openai").text()).isEqualTo("Hello from OpenAI");
      assertThat(gateway.breaker("openai").state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
  }

  @Test
  void anAuthenticationErrorIsNotRetriedAndItsMessageCarriesNoKey() throws Exception {
    try (StubServer server =
        new StubServer().reply(401, Map.of(), "{\"error\":{\"message\":\"bad key\"}}")) {
      ModelGateway gateway =
          fixture.gateway(
              provider("openai", ProviderKind.OPENAI, server.url("/v1"), "gpt-4o-mini"));
      assertThatThrownBy(() -> call(gateway, "openai"))
          .isInstanceOfSatisfying(
              StepException.class,
              e -> {
                assertThat(e.failure().kind()).isEqualTo(ErrorKind.PERMISSION_DENIED);
                assertThat(e.getMessage()).contains("agent 'writer'").doesNotContain(SECRET);
              });
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void aCallLongerThanTheProvidersTimeoutFailsAsATimeout() throws Exception {
    try (StubServer server = new StubServer().reply(StubServer.HANG, Map.of(), "")) {
      ModelGateway gateway =
          fixture.gateway(
              provider("openai", ProviderKind.OPENAI, server.url("/v1"), "gpt-4o-mini")
                  .withLimits(Duration.ofMillis(300), 0));
      assertThatThrownBy(() -> call(gateway, "openai"))
          .isInstanceOfSatisfying(
              StepException.class,
              e -> assertThat(e.failure().kind()).isEqualTo(ErrorKind.TIMEOUT));
    }
  }

  @Test
  void usageAndCostAreSummedPerRunStepAndAgentAndABudgetStopsTheRun() throws Exception {
    try (StubServer server = new StubServer().ok(OPENAI_OK).ok(OPENAI_OK).ok(OPENAI_OK)) {
      PriceTable prices = new PriceTable(Map.of("gpt-4o-mini", new PriceTable.Price(0.15, 0.60)));
      ModelGateway gateway =
          fixture.gateway(
              List.of(provider("openai", ProviderKind.OPENAI, server.url("/v1"), "gpt-4o-mini")),
              new Budget(30, 0, 0),
              prices);
      ModelResult first = call(gateway, "openai");
      assertThat(first.usage().cost()).isEqualTo((12 * 0.15 + 4 * 0.60) / 1_000_000d);
      call(gateway, "openai");
      assertThat(gateway.ledger().run("run-1").totalTokens()).isEqualTo(32);
      assertThat(gateway.ledger().step("run-1", "step").calls()).isEqualTo(2);
      assertThat(gateway.ledger().agentInRun("run-1", "writer").inputTokens()).isEqualTo(24);
      assertThatThrownBy(() -> call(gateway, "openai"))
          .isInstanceOfSatisfying(
              StepException.class,
              e -> {
                assertThat(e.failure().kind()).isEqualTo(ErrorKind.PERMISSION_DENIED);
                assertThat(e.getMessage())
                    .contains("budget exceeded: run run-1 has 32 tokens used of a budget of 30");
              });
      assertThat(server.requests()).hasSize(2);
    }
  }

  @Test
  void theOfflineModelIsTheDefaultOnlyWithoutARealProvider() {
    assertThat(new Providers(List.of(), null).chain(null, List.of(), "agent 'a'"))
        .containsExactly(new ModelRef("offline", null));
    ProviderConfig real = ProviderConfig.of("openai", ProviderKind.OPENAI, null, "gpt-4o-mini");
    assertThat(new Providers(List.of(real), null).chain(null, List.of(), "agent 'a'"))
        .containsExactly(new ModelRef("openai", null));
    ProviderConfig other =
        ProviderConfig.of("claude", ProviderKind.ANTHROPIC, null, "claude-sonnet-4");
    assertThatThrownBy(
            () -> new Providers(List.of(real, other), null).chain(null, List.of(), "agent 'a'"))
        .hasMessageContaining(
            "agent 'a' names no model and several providers are configured (claude, openai)");
  }

  private void awaitTimer() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (fixture.clock.pendingTimers().isEmpty() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      Thread.yield();
    }
  }
}
