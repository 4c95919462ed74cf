package io.baton.ai;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.mcp.McpServerConfig;
import io.baton.ai.model.CircuitBreaker;
import io.baton.ai.model.ModelRef;
import io.baton.ai.model.ProviderConfig;
import io.baton.ai.model.RetrySettings;
import io.baton.ai.usage.Budget;
import io.baton.ai.usage.PriceTable;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@link BatonAi} is configured with; read from YAML by {@link AiConfigLoader} or built
 * in Java. {@link #OFFLINE} has no provider: the offline model answers every call.
 *
 * @param providers the model providers
 * @param defaultModel the model of calls that name none, or null (see {@link
 *     io.baton.ai.model.Providers})
 * @param prices prices per model
 * @param runBudget each run's limit
 * @param agentBudget each agent's limit within a run
 * @param circuitBreaker each provider's breaker
 * @param retry how failed calls are retried
 * @param agents agent definitions
 * @param mcpServers MCP servers whose tools become Baton tools
 */
public record AiConfig(
    List<ProviderConfig> providers,
    ModelRef defaultModel,
    PriceTable prices,
    Budget runBudget,
    Budget agentBudget,
    CircuitBreaker.Settings circuitBreaker,
    RetrySettings retry,
    List<AgentDefinition> agents,
    List<McpServerConfig> mcpServers) {

  /** No provider: the offline model answers. */
  public static final AiConfig OFFLINE =
      new AiConfig(List.of(), null, null, null, null, null, null, List.of(), List.of());

  public AiConfig {
    providers = List.copyOf(providers);
    prices = Objects.requireNonNullElse(prices, PriceTable.EMPTY);
    runBudget = Objects.requireNonNullElse(runBudget, Budget.UNLIMITED);
    agentBudget = Objects.requireNonNullElse(agentBudget, Budget.UNLIMITED);
    circuitBreaker = Objects.requireNonNullElse(circuitBreaker, CircuitBreaker.Settings.DEFAULTS);
    retry = Objects.requireNonNullElse(retry, RetrySettings.DEFAULTS);
    agents = agents == null ? List.of() : List.copyOf(agents);
    mcpServers = mcpServers == null ? List.of() : List.copyOf(mcpServers);
  }

  /** Only the given providers, everything else by default. */
  public static AiConfig of(ProviderConfig... providers) {
    return new AiConfig(
        List.of(providers), null, null, null, null, null, null, List.of(), List.of());
  }

  /** A copy with these agents added. */
  public AiConfig withAgents(List<AgentDefinition> more) {
    List<AgentDefinition> all = new java.util.ArrayList<>(agents);
    all.addAll(more);
    return new AiConfig(
        providers,
        defaultModel,
        prices,
        runBudget,
        agentBudget,
        circuitBreaker,
        retry,
        all,
        mcpServers);
  }

  /** A copy with other budgets. */
  public AiConfig withBudgets(Budget run, Budget agent) {
    return new AiConfig(
        providers, defaultModel, prices, run, agent, circuitBreaker, retry, agents, mcpServers);
  }

  /** A copy with another price table. */
  public AiConfig withPrices(PriceTable table) {
    return new AiConfig(
        providers,
        defaultModel,
        table,
        runBudget,
        agentBudget,
        circuitBreaker,
        retry,
        agents,
        mcpServers);
  }

  /** A copy with other retry and circuit-breaker settings. */
  public AiConfig withResilience(RetrySettings retries, CircuitBreaker.Settings breaker) {
    return new AiConfig(
        providers,
        defaultModel,
        prices,
        runBudget,
        agentBudget,
        breaker,
        retries,
        agents,
        mcpServers);
  }

  /** A copy with MCP servers. */
  public AiConfig withMcpServers(List<McpServerConfig> servers) {
    return new AiConfig(
        providers,
        defaultModel,
        prices,
        runBudget,
        agentBudget,
        circuitBreaker,
        retry,
        agents,
        servers);
  }
}
