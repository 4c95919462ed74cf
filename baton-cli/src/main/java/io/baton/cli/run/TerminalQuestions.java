package io.baton.cli.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks a human step's question on the terminal: the prompt, then one line per field of its form
 * (type, choices, default), re-asking a field until its answer fits. A form without fields takes
 * one line of JSON or text.
 *
 * <pre>
 * ? approve: Ship release 1.4 to production?
 *   approved (y/n, required): y
 *   comment (string): after the demo
 * </pre>
 */
public final class TerminalQuestions {
  private final BufferedReader in;
  private final PrintStream out;

  /** Questions read from {@code in}, written to {@code out}. */
  public TerminalQuestions(BufferedReader in, PrintStream out) {
    this.in = in;
    this.out = out;
  }

  /**
   * Asks {@code question} and returns the answer.
   *
   * @throws MissingAnswerException when the input ends before the answer is complete
   */
  public Object ask(Question question) {
    out.println("? " + question.path() + ": " + question.prompt());
    Map<String, Object> form = question.form();
    if (form.get("properties") instanceof Map<?, ?> properties && !properties.isEmpty()) {
      List<?> required = form.get("required") instanceof List<?> r ? r : List.of();
      Map<String, Object> answer = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : properties.entrySet()) {
        String name = String.valueOf(e.getKey());
        Map<String, Object> field = schema(e.getValue());
        Object value = field(question, name, field, required.contains(name));
        if (value != null) {
          answer.put(name, value);
        }
      }
      return answer;
    }
    return field(question, "answer", form, true);
  }

  /** Writes a line to the person, e.g. why their answer was refused. */
  public void tell(String message) {
    out.println(message);
  }

  private Object field(
      Question question, String name, Map<String, Object> field, boolean required) {
    while (true) {
      out.print("  " + name + " (" + FormValues.describe(field) + hints(field, required) + "): ");
      out.flush();
      String line = readLine(question);
      if (line.isBlank()) {
        if (field.containsKey("default")) {
          return field.get("default");
        }
        if (!required) {
          return null;
        }
        out.println("  an answer is required");
        continue;
      }
      try {
        return FormValues.parse(line, field);
      } catch (IllegalArgumentException e) {
        out.println("  " + e.getMessage() + "; try again");
      }
    }
  }

  private String readLine(Question question) {
    try {
      String line = in.readLine();
      if (line == null) {
        throw new MissingAnswerException(question, "the input ended before it was answered");
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hints(Map<String, Object> field, boolean required) {
    StringBuilder out = new StringBuilder();
    if (field.get("description") != null) {
      out.append(", ").append(field.get("description"));
    }
    if (field.containsKey("default")) {
      out.append(", default ").append(field.get("default"));
    } else if (required) {
      out.append(", required");
    }
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> schema(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
