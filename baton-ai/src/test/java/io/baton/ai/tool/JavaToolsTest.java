package io.baton.ai.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.P;
import io.baton.api.run.RunStatus;
import io.baton.api.run.RunView;
import io.baton.api.spi.Tool;
import io.baton.test.TestEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tools from methods annotated with {@code @Tool}: their schemas, and calls from a tool step. */
class JavaToolsTest {

  /** A small catalogue of prices, as a user's class would offer it. */
  static final class Prices {
    record Quote(String item, double total) {}

    @dev.langchain4j.agent.tool.Tool("Quotes the price of a quantity of an item")
    Quote quote(@P("the item") String item, @P("how many") int quantity) {
      return new Quote(item, quantity * 2.5);
    }

    @dev.langchain4j.agent.tool.Tool(name = "shout", value = "Says a text in capitals")
    String loud(String text) {
      return text.toUpperCase(java.util.Locale.ROOT);
    }

    String notATool() {
      return "";
    }
  }

  @Test
  void annotatedMethodsBecomeToolsWithTheirSchemas() {
    List<Tool> tools = JavaTools.from(new Prices());

    assertThat(tools).extracting(Tool::name).containsExactly("shout", "quote");
    Tool quote = tools.get(1);
    assertThat(quote.description()).isEqualTo("Quotes the price of a quantity of an item");
    assertThat(quote.parameters()).containsEntry("type", "object");
    assertThat(String.valueOf(quote.parameters().get("properties")))
        .contains("item", "the item", "quantity", "integer", "how many");
    assertThatThrownBy(() -> JavaTools.from("no tools here"))
        .hasMessage("java.lang.String has no method annotated with @Tool");
  }

  @Test
  void toolStepsCallThemWithConvertedArguments() {
    try (TestEngine engine =
        TestEngine.create(
            b -> {
              JavaTools.from(new Prices()).forEach(b::tool);
              return b;
            })) {
      var baton = engine.baton();
      var flow =
          baton
              .loader()
              .parse(
                  """
                  id: java-tools
                  steps:
                    - {id: q, type: tool, tool: quote, input: {item: pen, quantity: 4}}
                    - id: s
                      type: tool
                      tool: shout
                      dependsOn: [q]
                      input: {text: "${steps.q.output.item}"}
                  """,
                  "java-tools.yaml")
              .orThrow();
      RunView done = baton.start(flow, Map.of()).await(Duration.ofSeconds(30));

      assertThat(done.status()).as("%s", done.failure()).isEqualTo(RunStatus.COMPLETED);
      assertThat(done.step("q").output()).isEqualTo(Map.of("item", "pen", "total", 10.0));
      assertThat(done.step("s").output()).isEqualTo("PEN");
    }
  }
}
