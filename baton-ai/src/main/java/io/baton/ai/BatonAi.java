package io.baton.ai;

import io.baton.ai.agent.AgentInstances;
import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentRunner;
import io.baton.ai.agent.AgentType;
import io.baton.ai.mcp.McpToolSource;
import io.baton.ai.memory.AgentMemory;
import io.baton.ai.message.AgentMessages;
import io.baton.ai.message.MessageTools;
import io.baton.ai.model.ModelGateway;
import io.baton.ai.model.ProviderModels;
import io.baton.ai.model.Providers;
import io.baton.ai.model.SecretSource;
import io.baton.ai.remote.RemoteAgentCall;
import io.baton.ai.remote.RemoteAgents;
import io.baton.ai.step.AgentBehaviour;
import io.baton.ai.step.AgentResolver;
import io.baton.ai.step.AgentStepExecutor;
import io.baton.ai.step.AgentTasks;
import io.baton.ai.step.CodeStepExecutor;
import io.baton.ai.step.LlmStepExecutor;
import io.baton.ai.step.ScriptRunner;
import io.baton.ai.team.TeamSteps;
import io.baton.ai.tool.BuiltInTools;
import io.baton.ai.tool.CodeTool;
import io.baton.ai.tool.ToolCatalog;
import io.baton.ai.usage.UsageLedger;
import io.baton.api.run.RunEvent;
import io.baton.api.spi.RunListener;
import io.baton.api.spi.TaskHandler;
import io.baton.api.spi.Tool;
import io.baton.api.time.TimeSource;
import io.baton.engine.Baton;
import io.baton.engine.BatonBuilder;
import io.baton.engine.time.SystemTimeSource;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Gives a Baton engine its agents: installs the AI step types ({@code llm}, {@code agent}, the
 * seven agent types, {@code code}, the team steps), the built-in tools (blackboard, messages,
 * HTTP), the tools of configured MCP servers, the expression dialects found on the class path
 * (baton-sandbox's {@code javascript}), and the listeners that end agent instances with their runs
 * and hand messages to waiting steps.
 *
 * <pre>{@code
 * BatonBuilder builder = Baton.builder();
 * BatonAi ai = BatonAi.install(builder, AiConfigLoader.load(Path.of("baton-ai.yaml")));
 * ai.tool(Tool.of("lookup", "Finds a customer", schema, (args, ctx) -> crm.find(args)));
 * Baton baton = ai.attach(builder.build());
 * }</pre>
 */
public final class BatonAi implements AutoCloseable {
  private final BatonBuilder builder;
  private final ToolCatalog tools = new ToolCatalog();
  private final AgentRegistry agents = new AgentRegistry();
  private final AgentInstances instances;
  private final ModelGateway gateway;
  private final ProviderModels providerModels;
  private final AgentRunner runner;
  private final AiEnvironment environment;
  private final Map<String, AgentBehaviour> behaviours = new ConcurrentHashMap<>();

  /** How long a step that needs the engine waits for {@link #attach}. */
  public static final Duration ATTACH_WAIT = Duration.ofSeconds(30);

  // completed by attach: steps that start child runs may run before it, while build() recovers
  private final CompletableFuture<Baton> attached = new CompletableFuture<>();
  private final McpToolSource mcp;
  private final AgentMessages messages;
  private final RemoteAgents remoteAgents;
  private final SystemTimeSource ownClock;
  // made when first needed: starting GraalJS costs a second, which a run without scripts should not
  // pay
  private final Optional<ServiceLoader.Provider<ScriptRunner>> sandboxProvider =
      AiBehaviours.sandboxProvider();
  private volatile ScriptRunner sandbox;

  private BatonAi(BatonBuilder builder, AiConfig config, AiEnvironment environment) {
    this.builder = builder;
    this.environment = environment;
    this.ownClock = environment.clock() == null ? new SystemTimeSource() : null;
    TimeSource clock = environment.clock() != null ? environment.clock() : ownClock;
    this.instances = new AgentInstances(clock);
    this.providerModels =
        new ProviderModels(SecretSource.environment(), environment.secrets(), clock);
    this.gateway =
        new ModelGateway(
            new Providers(config.providers(), config.defaultModel()),
            providerModels,
            new ModelGateway.Accounting(
                config.prices(),
                new UsageLedger(config.runBudget(), config.agentBudget()),
                config.circuitBreaker()),
            config.retry(),
            clock);
    this.runner =
        new AgentRunner(gateway, tools, new AgentMemory(environment.conversations()), instances);
    config.agents().forEach(agents::register);
    this.mcp = new McpToolSource(config.mcpServers());
    this.messages = new AgentMessages(environment.conversations(), clock, this::baton);
    this.remoteAgents = new RemoteAgents(agents, clock, environment.conversations());
  }

  /** Installs Baton's AI into {@code builder} with the default environment. */
  public static BatonAi install(BatonBuilder builder, AiConfig config) {
    return install(builder, config, AiEnvironment.defaults());
  }

  /**
   * Installs Baton's AI into {@code builder}.
   *
   * @throws IllegalArgumentException when an MCP server cannot be reached or its tools listed
   */
  public static BatonAi install(BatonBuilder builder, AiConfig config, AiEnvironment environment) {
    BatonAi ai = new BatonAi(builder, config, environment);
    ai.registerSteps();
    AiStepTypes.dialects().forEach(builder::dialect);
    BuiltInTools.all(environment.conversations()).forEach(ai::tool);
    if (ai.sandboxProvider.isPresent()) {
      ai.tool(CodeTool.of(ai::scriptRunner));
    }
    MessageTools.all(ai.messages).forEach(ai::tool);
    ai.mcp.connect().forEach(ai::tool);
    builder.listener(ai.endOfRun());
    builder.listener(ai.messages);
    return ai;
  }

  private void registerSteps() {
    AgentBehaviour loop = (agent, task, ctx) -> runner.run(agent, task, ctx).toOutput();
    for (String type :
        List.of(AgentType.CHAT, AgentType.REACT, AgentType.TOOL, AgentType.MULTIMODAL)) {
      behaviours.put(type, loop);
    }
    behaviours.put(AgentType.REMOTE, new RemoteAgentCall(remoteAgents));
    AiBehaviours.install(this);
    AgentResolver resolver = new AgentResolver(agents);
    builder.step(new LlmStepExecutor(resolver, runner));
    builder.step(new AgentStepExecutor("agent", resolver, behaviours::get));
    for (String type :
        List.of(
            AgentType.CHAT, AgentType.REACT, AgentType.PLAN, AgentType.RAG, AgentType.MULTIMODAL)) {
      builder.step(new AgentStepExecutor(type, resolver, behaviours::get));
    }
    builder.step(
        new CodeStepExecutor(
            this::scriptRunner, new AgentStepExecutor(AgentType.CODE, resolver, behaviours::get)));
    TeamSteps.all(resolver, runner, agents, this::attachedBaton).forEach(builder::step);
  }

  private RunListener endOfRun() {
    return entry -> {
      RunEvent e = entry.event();
      if (e instanceof RunEvent.RunCompleted
          || e instanceof RunEvent.RunFailed
          || e instanceof RunEvent.RunCancelled
          || e instanceof RunEvent.RunTimedOut) {
        instances.destroyRun(entry.runId(), change -> {});
        gateway.ledger().runEnded(entry.runId());
      }
    };
  }

  /**
   * Adds a tool for agents and {@code tool} steps. Call before the engine is built for {@code tool}
   * steps to see it; agents see tools added at any time.
   */
  public BatonAi tool(Tool tool) {
    tools.add(tool);
    builder.tool(tool);
    return this;
  }

  /**
   * Makes {@code task} steps of {@code capabilities} run on the agent registered for each (see
   * {@link AgentTasks}), handing those no agent can do to {@code fallback} (null: they fail). Call
   * before the engine is built.
   */
  public BatonAi routeTasks(Collection<String> capabilities, TaskHandler fallback) {
    AgentTasks handler = new AgentTasks(agents, behaviours::get, fallback);
    capabilities.forEach(capability -> builder.task(capability, handler));
    return this;
  }

  /** Adds or replaces the behaviour of an agent type (the SPI for custom agent types). */
  public BatonAi agentType(String type, AgentBehaviour behaviour) {
    behaviours.put(type, behaviour);
    return this;
  }

  /**
   * Gives the AI the built engine: plan steps start child runs and MCP exposes workflows with it.
   */
  public Baton attach(Baton engine) {
    if (!attached.complete(engine)) {
      attached.obtrudeValue(engine);
    }
    return engine;
  }

  /** The attached engine, or null before {@link #attach}. */
  public Baton baton() {
    return attached.getNow(null);
  }

  /**
   * The attached engine, waiting up to {@link #ATTACH_WAIT} for {@link #attach}: a step re-executed
   * while {@code build()} recovers runs before the caller could attach the engine it returns.
   *
   * @return the engine, or null when none was attached in time
   */
  public Baton attachedBaton() {
    try {
      return attached.get(ATTACH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The agents. */
  public AgentRegistry agents() {
    return agents;
  }

  /** The tools agents may call. */
  public ToolCatalog tools() {
    return tools;
  }

  /** Agent instances and their lifecycles. */
  public AgentInstances instances() {
    return instances;
  }

  /** Agents in other processes, reached over HTTP while their heartbeats arrive. */
  public RemoteAgents remoteAgents() {
    return remoteAgents;
  }

  /** Messages between the agents of a run. */
  public AgentMessages messages() {
    return messages;
  }

  /** Tokens and cost per run, step and agent. */
  public UsageLedger usage() {
    return gateway.ledger();
  }

  /** Every model call goes through it. */
  public ModelGateway models() {
    return gateway;
  }

  /** Runs agents. */
  public AgentRunner runner() {
    return runner;
  }

  /** The environment it was installed with. */
  public AiEnvironment environment() {
    return environment;
  }

  /**
   * Runs JavaScript for {@code code} steps, {@code code} agents and the {@code code} tool (default:
   * baton-sandbox's, found on the class path; the {@code code} tool is added only when one is found
   * at install).
   */
  public BatonAi scriptRunner(ScriptRunner runner) {
    this.sandbox = runner;
    return this;
  }

  /** The JavaScript sandbox, or null when none is installed. */
  public ScriptRunner scriptRunner() {
    ScriptRunner runner = sandbox;
    if (runner == null && sandboxProvider.isPresent()) {
      synchronized (this) {
        if (sandbox == null) {
          sandbox = sandboxProvider.get().get();
        }
        runner = sandbox;
      }
    }
    return runner;
  }

  /** The behaviour of an agent type, or null. */
  AgentBehaviour behaviour(String type) {
    return behaviours.get(type);
  }

  /** Closes MCP connections, the providers' HTTP clients and the own clock. */
  @Override
  public void close() {
    mcp.close();
    providerModels.close();
    if (ownClock != null) {
      ownClock.close();
    }
  }
}
