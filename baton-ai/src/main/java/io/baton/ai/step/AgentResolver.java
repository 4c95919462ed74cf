package io.baton.ai.step;

import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import io.baton.ai.agent.AgentBuilder;
import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentRegistry;
import io.baton.ai.agent.AgentTask;
import io.baton.ai.agent.ModelSpec;
import io.baton.ai.internal.JsonCodec;
import io.baton.ai.model.ModelRef;
import io.baton.api.definition.CustomStep;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.StepContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the agent a step runs ({@code agent: researcher}, or one defined by the step's own fields)
 * and reads the task from the step's input ({@code prompt}, {@code images}; without {@code prompt}
 * the whole input is the prompt, as JSON).
 */
public final class AgentResolver {
  private final AgentRegistry registry;

  /** Resolves registered agents from {@code registry}. */
  public AgentResolver(AgentRegistry registry) {
    this.registry = registry;
  }

  /**
   * The agent of {@code step}, its type set to {@code type} unless null; step fields ({@code
   * model}, {@code system}, {@code tools}, …) override the registered agent's.
   */
  public AgentDefinition agentOf(CustomStep step, String type) {
    StepConfig c = new StepConfig(step);
    String ref = c.text("agent", null);
    AgentDefinition base;
    try {
      base = ref == null ? null : registry.require(ref);
    } catch (IllegalArgumentException e) {
      throw new StepException(ErrorKind.NOT_FOUND, "step '" + step.id() + "': " + e.getMessage());
    }
    AgentBuilder b = AgentDefinition.builder(base == null ? step.id() : base.name());
    if (base != null) {
      b.version(base.version())
          .type(base.type())
          .role(base.role())
          .description(base.description())
          .capabilities(base.capabilities().toArray(String[]::new))
          .model(base.model())
          .systemPrompt(base.systemPrompt())
          .tools(base.tools().toArray(String[]::new))
          .memory(base.memory())
          .maxIterations(base.maxIterations())
          .outputSchema(base.outputSchema())
          .options(base.options());
    }
    if (type != null) {
      b.type(type);
    }
    if (c.text("role", null) != null) {
      b.role(c.text("role", null));
    }
    if (c.text("system", null) != null) {
      b.systemPrompt(c.text("system", null));
    }
    if (!c.texts("tools").isEmpty()) {
      b.tools(c.texts("tools").toArray(String[]::new));
    }
    if (c.object("outputSchema") != null) {
      b.outputSchema(c.object("outputSchema"));
    }
    if (c.object("options") != null) {
      b.options(c.object("options"));
    }
    if (c.object("memory") != null) {
      b.memory(AgentFiles.memory(c.object("memory"), step.id()));
    }
    b.maxIterations(c.integer("maxIterations", base == null ? 8 : base.maxIterations()));
    ModelSpec model = base == null ? ModelSpec.DEFAULT : base.model();
    String use = c.text("model", null);
    List<String> fallbacks = c.texts("fallbacks");
    Double temperature = c.number("temperature");
    Integer maxTokens = step.config().get("maxTokens") == null ? null : c.integer("maxTokens", 0);
    b.model(
        new ModelSpec(
            use == null ? model.primary() : ModelRef.parse(use),
            fallbacks.isEmpty()
                ? model.fallbacks()
                : fallbacks.stream().map(ModelRef::parse).toList(),
            temperature == null ? model.temperature() : temperature,
            maxTokens == null ? model.maxTokens() : maxTokens));
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new StepException(ErrorKind.BAD_INPUT, "step '" + step.id() + "': " + e.getMessage());
    }
  }

  /** The task in the step's input. */
  public static AgentTask taskOf(CustomStep step, StepContext context) {
    Map<String, Object> input = context.inputMap();
    Object prompt = input.get("prompt");
    String text =
        prompt != null
            ? (prompt instanceof String s ? s : JsonCodec.write(prompt))
            : context.input() == null
                ? ""
                : context.input() instanceof String s ? s : JsonCodec.write(context.input());
    return new AgentTask(
        text,
        images(input.get("images")),
        null,
        List.of(),
        new StepConfig(step).flag("stream", false));
  }

  private static List<Content> images(Object value) {
    List<Content> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        String s = String.valueOf(item);
        if (s.startsWith("data:")) {
          int comma = s.indexOf(',');
          String mime = s.substring(5, s.indexOf(';') > 0 ? s.indexOf(';') : comma);
          out.add(ImageContent.from(s.substring(comma + 1), mime));
        } else {
          out.add(ImageContent.from(s));
        }
      }
    }
    return out;
  }
}
