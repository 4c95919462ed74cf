package io.baton.ai.tool;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import io.baton.ai.internal.JsonCodec;
import io.baton.api.spi.Tool;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Java tools from annotated methods: each method of an object annotated with LangChain4j's {@link
 * dev.langchain4j.agent.tool.Tool @Tool} becomes a Baton tool — its name (the annotation's, else
 * the method's), its description (the annotation's value), the JSON Schema of its parameters (from
 * their types, with {@link dev.langchain4j.agent.tool.P @P} descriptions). LangChain4j converts the
 * arguments to the parameters' types; the method's return value is the tool's result (a string as
 * is, anything else as JSON values).
 *
 * <pre>{@code
 * class Crm {
 *   @Tool("Finds a customer by email")
 *   Customer findCustomer(@P("the customer's email") String email) { ... }
 * }
 * JavaTools.from(new Crm()).forEach(ai::tool);   // agents and tool steps can call findCustomer
 * }</pre>
 */
public final class JavaTools {
  private JavaTools() {}

  /**
   * The tools of {@code target}'s annotated methods, by name.
   *
   * @throws IllegalArgumentException naming the class when it has no annotated method
   */
  public static List<Tool> from(Object target) {
    List<Tool> tools = new ArrayList<>();
    Arrays.stream(target.getClass().getDeclaredMethods())
        .filter(m -> m.isAnnotationPresent(dev.langchain4j.agent.tool.Tool.class))
        .sorted(Comparator.comparing(Method::getName))
        .forEach(m -> tools.add(tool(target, m)));
    if (tools.isEmpty()) {
      throw new IllegalArgumentException(
          target.getClass().getName() + " has no method annotated with @Tool");
    }
    return tools;
  }

  private static Tool tool(Object target, Method method) {
    ToolSpecification spec = ToolSpecifications.toolSpecificationFrom(method);
    DefaultToolExecutor executor = new DefaultToolExecutor(target, method);
    boolean text = method.getReturnType() == String.class || method.getReturnType() == void.class;
    return Tool.of(
        spec.name(),
        spec.description() == null ? spec.name() : spec.description(),
        parameters(spec),
        (arguments, context) -> {
          ToolExecutionRequest request =
              ToolExecutionRequest.builder()
                  .id(context.idempotencyKey())
                  .name(spec.name())
                  .arguments(JsonCodec.write(arguments))
                  .build();
          String result = executor.execute(request, context.runId());
          return text ? result : JsonCodec.read(result);
        });
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parameters(ToolSpecification spec) {
    Map<String, Object> json = (Map<String, Object>) JsonCodec.read(spec.toJson());
    return json.get("parameters") instanceof Map<?, ?> p
        ? (Map<String, Object>) p
        : Map.of("type", "object", "properties", Map.of());
  }
}
