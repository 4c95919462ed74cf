package io.baton.ai.mcp;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.Tool;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.ResourceContents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Baton tools over one MCP connection: its tools, and its resources and prompts as tools. */
final class McpTools {
  private McpTools() {}

  /** The server's tool {@code name} as the Baton tool {@code <server>_<name>}. */
  static Tool tool(
      McpConnection connection, String name, Map<String, Object> parameters, String description) {
    String server = connection.server().name();
    String full = server + "_" + name;
    return Tool.of(
        full,
        description == null ? "MCP tool " + name + " of " + server : description,
        parameters,
        (args, ctx) -> {
          CallToolResult result =
              connection.call(
                  name, io.baton.ai.internal.JsonCodec.write(args), ctx.idempotencyKey());
          if (Boolean.TRUE.equals(result.isError())) {
            throw new StepException(
                ErrorKind.BAD_INPUT, "MCP tool " + full + " failed: " + McpConnection.text(result));
          }
          return McpConnection.text(result);
        });
  }

  static List<Tool> resourceTools(McpConnection connection) {
    String server = connection.server().name();
    return List.of(
        Tool.of(
            server + "_list_resources",
            "Lists the resources of MCP server " + server + " (uri, name, description, mimeType)",
            Map.of("type", "object", "properties", Map.of()),
            (args, ctx) ->
                connection.resources().stream()
                    .map(
                        r ->
                            entry(
                                "uri", r.uri(),
                                "name", r.name(),
                                "description", r.description(),
                                "mimeType", r.mimeType()))
                    .toList()),
        Tool.of(
            server + "_read_resource",
            "Reads a resource of MCP server " + server + " by its uri",
            schema(Map.of("uri", Map.of("type", "string")), List.of("uri")),
            (args, ctx) ->
                connection.read(required(args, "uri")).contents().stream()
                    .map(McpTools::contents)
                    .toList()));
  }

  static List<Tool> promptTools(McpConnection connection) {
    String server = connection.server().name();
    return List.of(
        Tool.of(
            server + "_list_prompts",
            "Lists the prompts of MCP server " + server + " with their arguments",
            Map.of("type", "object", "properties", Map.of()),
            (args, ctx) ->
                connection.prompts().stream()
                    .map(
                        p ->
                            entry(
                                "name", p.name(),
                                "description", p.description(),
                                "arguments",
                                    p.arguments() == null
                                        ? List.of()
                                        : p.arguments().stream().map(McpTools::argument).toList()))
                    .toList()),
        Tool.of(
            server + "_get_prompt",
            "Renders a prompt of MCP server " + server + " with its arguments",
            schema(
                Map.of("name", Map.of("type", "string"), "arguments", Map.of("type", "object")),
                List.of("name")),
            (args, ctx) -> {
              @SuppressWarnings("unchecked")
              Map<String, Object> promptArgs =
                  args.get("arguments") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
              return prompt(connection.prompt(required(args, "name"), promptArgs));
            }));
  }

  private static Map<String, Object> prompt(GetPromptResult result) {
    return entry(
        "description",
        result.description(),
        "messages",
        result.messages().stream()
            .map(
                m ->
                    entry(
                        "role",
                        m.role().name().toLowerCase(Locale.ROOT),
                        "text",
                        m.content() instanceof McpSchema.TextContent t ? t.text() : null,
                        "type",
                        m.content().type()))
            .toList());
  }

  private static Map<String, Object> contents(ResourceContents c) {
    return switch (c) {
      case McpSchema.TextResourceContents t ->
          entry("uri", t.uri(), "mimeType", t.mimeType(), "text", t.text());
      case McpSchema.BlobResourceContents b ->
          entry("uri", b.uri(), "mimeType", b.mimeType(), "blob", b.blob());
      default -> entry("uri", c.uri(), "mimeType", c.mimeType());
    };
  }

  private static Map<String, Object> argument(PromptArgument a) {
    return entry("name", a.name(), "description", a.description(), "required", a.required());
  }

  private static String required(Map<String, Object> args, String name) {
    if (!(args.get(name) instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException("argument '" + name + "' (a string) is required");
    }
    return s;
  }

  private static Map<String, Object> schema(Map<String, Object> properties, List<String> required) {
    return Map.of("type", "object", "properties", properties, "required", required);
  }

  /** A map of the pairs whose value is not null, in order. */
  private static Map<String, Object> entry(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        m.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return m;
  }
}
