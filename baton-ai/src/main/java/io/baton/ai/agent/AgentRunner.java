package io.baton.ai.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import io.baton.ai.memory.AgentMemory;
import io.baton.ai.model.ModelGateway;
import io.baton.ai.model.ModelRef;
import io.baton.ai.model.ModelRequest;
import io.baton.ai.model.ModelResult;
import io.baton.ai.tool.ToolCatalog;
import io.baton.ai.tool.ToolInvoker;
import io.baton.ai.usage.Usage;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.StepContext;
import io.baton.api.spi.Tool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an agent for one step: the conversation (its memory, then the request), the tool loop, the
 * output schema with repair requests, and the instance lifecycle. {@code chat}, {@code react},
 * {@code tool} and {@code multimodal} agents run here directly; {@code plan}, {@code rag} and
 * {@code code} build on it.
 */
public final class AgentRunner {
  /** How many times a non-matching structured answer is sent back for repair. */
  static final int MAX_REPAIRS = 2;

  private final ModelGateway gateway;
  private final ToolCatalog tools;
  private final AgentMemory memory;
  private final AgentInstances instances;

  /**
   * @param gateway calls models
   * @param tools the tools agents may call
   * @param memory agents' memories
   * @param instances agents' lifecycles
   */
  public AgentRunner(
      ModelGateway gateway, ToolCatalog tools, AgentMemory memory, AgentInstances instances) {
    this.gateway = gateway;
    this.tools = tools;
    this.memory = memory;
    this.instances = instances;
  }

  /**
   * Runs {@code agent} on {@code task}.
   *
   * @throws StepException BAD_OUTPUT when it does not finish within its iterations or its answer
   *     does not match its schema after repairs; the gateway's errors when no model answers
   */
  public AgentOutcome run(AgentDefinition agent, AgentTask task, StepContext context) {
    instances.start(context.runId(), agent.name(), change -> report(change, context));
    try {
      return converse(agent, task, context);
    } finally {
      instances.pause(context.runId(), agent.name(), change -> report(change, context));
    }
  }

  private AgentOutcome converse(AgentDefinition agent, AgentTask task, StepContext context) {
    Map<String, Object> schema =
        task.outputSchema() != null ? task.outputSchema() : agent.outputSchema();
    StructuredOutput structured = schema == null ? null : new StructuredOutput(schema);
    List<String> toolNames = new ArrayList<>(agent.tools());
    toolNames.addAll(task.extraTools());
    List<Tool> allowed = tools.require(toolNames, "agent '" + agent.name() + "'");
    List<ChatMessage> conversation = new ArrayList<>();
    String system = systemText(agent, structured);
    if (!system.isBlank()) {
      conversation.add(SystemMessage.from(system));
    }
    conversation.addAll(memory.load(context.runId(), agent.name(), agent.memory()));
    conversation.add(userMessage(task));
    List<ModelRef> chain = chain(agent);
    ModelRequest request =
        new ModelRequest(
            agent.name(),
            conversation,
            ToolCatalog.specifications(allowed),
            schema,
            agent.model().temperature(),
            agent.model().maxTokens(),
            task.stream());
    List<Map<String, Object>> turns = new ArrayList<>();
    Usage usage = Usage.NONE;
    boolean offline = false;
    int repairs = 0;
    for (int call = 1; call <= agent.maxIterations() + repairs; call++) {
      ModelResult result = gateway.call(request.withMessages(conversation), chain, context);
      usage = usage.plus(result.usage());
      offline |= result.offline();
      conversation.add(result.message());
      Map<String, Object> turn = turn(call, result);
      turns.add(turn);
      if (result.message().hasToolExecutionRequests()) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (ToolExecutionRequest toolCall : result.message().toolExecutionRequests()) {
          var outcome = ToolInvoker.invoke(toolCall, allowed, context, agent.name());
          conversation.add(outcome.message());
          records.add(outcome.record());
        }
        turn.put("toolCalls", records);
        if (AgentType.TOOL.equals(agent.type())) {
          return finish(
              agent,
              context,
              conversation,
              new AgentOutcome(agent.name(), "", records, turns, usage, model(result), offline));
        }
        continue;
      }
      if (AgentType.TOOL.equals(agent.type())) {
        throw new StepException(
            ErrorKind.BAD_OUTPUT,
            "tool agent '"
                + agent.name()
                + "' answered without calling a tool: "
                + abbreviate(result.text()));
      }
      Object json = null;
      if (structured != null) {
        StructuredOutput.Checked checked = structured.check(result.text());
        if (!checked.valid()) {
          if (repairs == MAX_REPAIRS) {
            throw new StepException(
                ErrorKind.BAD_OUTPUT,
                "agent '"
                    + agent.name()
                    + "' did not answer in the output schema after "
                    + MAX_REPAIRS
                    + " repair requests: "
                    + String.join("; ", checked.problems()));
          }
          repairs++;
          turn.put("schemaProblems", checked.problems());
          conversation.add(UserMessage.from(structured.repairRequest(checked.problems())));
          continue;
        }
        json = checked.value();
      }
      return finish(
          agent,
          context,
          conversation,
          new AgentOutcome(
              agent.name(), result.text(), json, turns, usage, model(result), offline));
    }
    throw new StepException(
        ErrorKind.BAD_OUTPUT,
        "agent '"
            + agent.name()
            + "' did not finish within maxIterations = "
            + agent.maxIterations()
            + " model calls; raise maxIterations or narrow the task");
  }

  private AgentOutcome finish(
      AgentDefinition agent,
      StepContext context,
      List<ChatMessage> conversation,
      AgentOutcome outcome) {
    memory.save(
        context.runId(),
        agent.name(),
        agent.memory(),
        conversation,
        dropped -> {
          List<ChatMessage> ask = new ArrayList<>(dropped);
          ask.add(UserMessage.from("Summarise the conversation above in at most five sentences."));
          return gateway.call(ModelRequest.of(agent.name(), ask), chain(agent), context).text();
        });
    return outcome;
  }

  private List<ModelRef> chain(AgentDefinition agent) {
    return gateway
        .providers()
        .chain(agent.model().primary(), agent.model().fallbacks(), "agent '" + agent.name() + "'");
  }

  private static String systemText(AgentDefinition agent, StructuredOutput structured) {
    String text = agent.instructions();
    if (AgentType.REACT.equals(agent.type()) && !agent.tools().isEmpty()) {
      text +=
          "\nWork step by step: think, call a tool when you need information, read its result, "
              + "and answer when you can.";
    }
    if (structured != null) {
      text += "\n" + structured.instructions();
    }
    return text.strip();
  }

  private static UserMessage userMessage(AgentTask task) {
    if (task.attachments().isEmpty()) {
      return UserMessage.from(task.prompt());
    }
    List<Content> contents = new ArrayList<>();
    contents.add(TextContent.from(task.prompt()));
    contents.addAll(task.attachments());
    return UserMessage.from(contents);
  }

  private static Map<String, Object> turn(int call, ModelResult result) {
    Map<String, Object> turn = new LinkedHashMap<>();
    turn.put("call", call);
    turn.put("model", model(result));
    if (result.message().text() != null) {
      turn.put("text", result.message().text());
    }
    if (!result.failures().isEmpty()) {
      turn.put("fallbacks", result.failures());
    }
    return turn;
  }

  private static String model(ModelResult result) {
    return result.provider() + "/" + result.model();
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  private static void report(AgentInstances.Change change, StepContext context) {
    context.emit(
        "agent.state",
        Map.of("agent", change.agent(), "from", change.from().name(), "to", change.to().name()));
  }

  /** The model gateway, for steps built on agents. */
  public ModelGateway gateway() {
    return gateway;
  }
}
