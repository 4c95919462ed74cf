package io.baton.engine.language.internal;

import static io.baton.engine.language.DiagnosticCodes.DUPLICATE_KEY;
import static io.baton.engine.language.DiagnosticCodes.FILE_TOO_LARGE;
import static io.baton.engine.language.DiagnosticCodes.SYNTAX;
import static io.baton.engine.language.DiagnosticCodes.TOO_DEEP;

import io.baton.engine.language.Limits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Parses YAML or JSON into {@link SourceNode}s, reading Jackson's token stream so that every value
 * keeps its line, column and pointer. Enforces the size and depth {@link Limits}; reports malformed
 * input as one {@code syntax} finding with the position Jackson gives.
 */
public final class SourceParser {

  /** The two syntaxes of the language. */
  public enum Syntax {
    JSON,
    YAML;

    /**
     * JSON for {@code .json} files and text that starts with a brace or bracket; YAML otherwise.
     */
    public static Syntax guess(String sourceName, String text) {
      String name = sourceName == null ? "" : sourceName.toLowerCase(Locale.ROOT);
      if (name.endsWith(".json")) {
        return JSON;
      }
      if (name.endsWith(".yaml") || name.endsWith(".yml")) {
        return YAML;
      }
      String start = text.stripLeading();
      return start.startsWith("{") || start.startsWith("[") ? JSON : YAML;
    }
  }

  /** Thrown inside the parser to stop at the first structural problem. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }

  private final Limits limits;
  private final ObjectMapper json;
  private final ObjectMapper yaml;

  /** A parser enforcing {@code limits}. */
  public SourceParser(Limits limits) {
    this.limits = limits;
    // Jackson's own nesting check stays above ours, so that ours (with its clearer message) fires
    // first.
    StreamReadConstraints constraints =
        StreamReadConstraints.builder().maxNestingDepth(limits.maxDepth() + 16).build();
    this.json =
        JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
            .build();
    this.yaml =
        YAMLMapper.builder(YAMLFactory.builder().streamReadConstraints(constraints).build())
            .build();
  }

  /**
   * Parses one document.
   *
   * @param text the document
   * @param syntax how to read it
   * @param findings where problems go
   * @return the root, or null when the text could not be parsed (the reason is in {@code findings})
   */
  public SourceNode parse(String text, Syntax syntax, Findings findings) {
    long bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > limits.maxFileBytes()) {
      findings.add(tooLarge(bytes, limits.maxFileBytes()));
      return null;
    }
    ObjectMapper mapper = syntax == Syntax.JSON ? json : yaml;
    try (JsonParser parser = mapper.createParser(text)) {
      return new Reading(parser, findings).document();
    } catch (Stop stop) {
      return null;
    } catch (JacksonException e) {
      findings.add(Finding.error(SYNTAX, "", describe(e)).at(position(e.getLocation())));
      return null;
    }
  }

  /** The finding for a file of {@code bytes} bytes over the limit of {@code max}. */
  public static Finding tooLarge(long bytes, long max) {
    return Finding.error(
            FILE_TOO_LARGE, "", "the file has " + bytes + " bytes; the limit is " + max + " bytes")
        .at(new Position(1, 1))
        .hint("split the workflow into subworkflows, or raise Limits.maxFileBytes");
  }

  /** One pass over one parser's tokens. */
  private final class Reading {
    private final JsonParser parser;
    private final Findings findings;

    Reading(JsonParser parser, Findings findings) {
      this.parser = parser;
      this.findings = findings;
    }

    SourceNode document() {
      JsonToken first = parser.nextToken();
      if (first == null) {
        findings.add(Finding.error(SYNTAX, "", "the document is empty").at(new Position(1, 1)));
        throw new Stop();
      }
      SourceNode root = value(first, "", 1);
      JsonToken extra = parser.nextToken();
      if (extra != null) {
        findings.add(
            Finding.error(SYNTAX, "", "a file holds one document, but another one starts here")
                .at(here())
                .hint("remove the '---' separator and what follows, or move it to its own file"));
        throw new Stop();
      }
      return root;
    }

    private SourceNode value(JsonToken token, String pointer, int depth) {
      Position at = here();
      if (parser instanceof YAMLParser y && y.isCurrentAlias()) {
        findings.add(
            Finding.error(
                    SYNTAX, pointer, "YAML aliases (*" + parser.getString() + ") are not supported")
                .at(at)
                .hint("write the value out in full"));
        throw new Stop();
      }
      return switch (token) {
        case START_OBJECT -> object(pointer, at, deeper(depth, at, pointer));
        case START_ARRAY -> array(pointer, at, deeper(depth, at, pointer));
        case VALUE_STRING -> new SourceScalar(pointer, at, parser.getString());
        case VALUE_NUMBER_INT -> new SourceScalar(pointer, at, parser.getNumberValue());
        case VALUE_NUMBER_FLOAT -> new SourceScalar(pointer, at, parser.getDoubleValue());
        case VALUE_TRUE -> new SourceScalar(pointer, at, Boolean.TRUE);
        case VALUE_FALSE -> new SourceScalar(pointer, at, Boolean.FALSE);
        case VALUE_NULL -> new SourceScalar(pointer, at, null);
        default -> new SourceScalar(pointer, at, parser.getString());
      };
    }

    private int deeper(int depth, Position at, String pointer) {
      if (depth > limits.maxDepth()) {
        findings.add(
            Finding.error(
                    TOO_DEEP,
                    pointer,
                    "values are nested more than " + limits.maxDepth() + " levels deep")
                .at(at)
                .hint("flatten the structure, or raise Limits.maxDepth"));
        throw new Stop();
      }
      return depth + 1;
    }

    private SourceObject object(String pointer, Position at, int depth) {
      Map<String, SourceNode> fields = new LinkedHashMap<>();
      Map<String, Position> keys = new LinkedHashMap<>();
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
        String name = parser.currentName();
        Position keyAt = here();
        String child = Pointer.child(pointer, name);
        SourceNode value = value(parser.nextToken(), child, depth);
        if (fields.containsKey(name)) {
          Position first = keys.get(name);
          findings.add(
              Finding.error(DUPLICATE_KEY, child, "the key \"" + name + "\" appears twice")
                  .at(keyAt)
                  .hint("it was first written at line " + first.line() + "; keep one"));
          continue;
        }
        fields.put(name, value);
        keys.put(name, keyAt);
      }
      return new SourceObject(pointer, at, fields, keys);
    }

    private SourceArray array(String pointer, Position at, int depth) {
      List<SourceNode> items = new ArrayList<>();
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
        items.add(value(t, Pointer.child(pointer, items.size()), depth));
      }
      return new SourceArray(pointer, at, items);
    }

    private Position here() {
      return position(parser.currentTokenLocation());
    }
  }

  private static Position position(TokenStreamLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return new Position(1, 1);
    }
    return new Position(location.getLineNr(), Math.max(1, location.getColumnNr()));
  }

  /**
   * Jackson's message without its location lines; SnakeYAML's multi-line explanations are joined
   * ("while parsing a flow sequence; expected ',' or ']', but got ':'").
   */
  private static String describe(JacksonException e) {
    String message = e.getOriginalMessage();
    if (message == null) {
      return "malformed input";
    }
    List<String> parts = new ArrayList<>();
    for (String line : message.split("\n")) {
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        parts.add(line.strip());
      }
    }
    return parts.isEmpty() ? message.strip() : String.join("; ", parts);
  }
}
