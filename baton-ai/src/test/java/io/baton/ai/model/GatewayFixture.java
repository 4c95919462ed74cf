package io.baton.ai.model;

import io.baton.ai.usage.Budget;
import io.baton.ai.usage.PriceTable;
import io.baton.ai.usage.UsageLedger;
import io.baton.test.FakeClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds gateways over stub servers: keys come from a fake secret store, time from a fake clock.
 */
final class GatewayFixture {
  static final String SECRET = "sk-test-0123456789";
  final FakeClock clock = new FakeClock();

  ModelGateway gateway(List<ProviderConfig> providers, Budget runBudget, PriceTable prices) {
    SecretSource secrets = name -> name.equals("KEY") ? Optional.of(SECRET) : Optional.empty();
    return new ModelGateway(
        new Providers(providers, null),
        new ProviderModels(secrets, secrets, clock),
        new ModelGateway.Accounting(
            prices,
            new UsageLedger(runBudget, Budget.UNLIMITED),
            new CircuitBreaker.Settings(2, Duration.ofSeconds(30), 1)),
        RetrySettings.DEFAULTS,
        clock);
  }

  ModelGateway gateway(ProviderConfig... providers) {
    return gateway(List.of(providers), Budget.UNLIMITED, PriceTable.EMPTY);
  }

  static ProviderConfig provider(String name, ProviderKind kind, String baseUrl, String model) {
    return ProviderConfig.of(name, kind, baseUrl, model).withApiKey(new SecretRef("env", "KEY"));
  }

  static final String OPENAI_OK =
      """
      {"id":"c1","object":"chat.completion","created":1,"model":"gpt-4o-mini",
       "choices":[{"index":0,"message":{"role":"assistant","content":"Hello from OpenAI"},"finish_reason":"stop"}],
       "usage":{"prompt_tokens":12,"completion_tokens":4,"total_tokens":16}}""";

  static Map<String, String> retryAfter(String seconds) {
    return Map.of("Retry-After", seconds);
  }
}
