package io.baton.modules.spi;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.AwaitInput;
import io.baton.api.spi.StepContext;
import io.baton.modules.mplp.Mplp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One call of a module operation: its input, the step it serves (none when called through the API),
 * and the hub's services. Parameters are read in either naming style: {@code contextId} also finds
 * {@code context_id}.
 */
public final class Call {
  private final String module;
  private final String operation;
  private final Map<String, Object> input;
  private final StepContext step;
  private final ModuleServices services;

  /**
   * @param step the step served, or null outside runs
   */
  public Call(
      String module,
      String operation,
      Map<String, Object> input,
      StepContext step,
      ModuleServices services) {
    this.module = module;
    this.operation = operation;
    this.input = input == null ? Map.of() : input;
    this.step = step;
    this.services = services;
  }

  /** The operation's input. */
  public Map<String, Object> input() {
    return input;
  }

  /** The step served, if any. */
  public Optional<StepContext> step() {
    return Optional.ofNullable(step);
  }

  /** The run served, or null outside runs. */
  public String runId() {
    return step == null ? null : step.runId();
  }

  /** A person's answer to what this step asked before ({@link AwaitInput}), or null. */
  public AwaitInput.Answer answer() {
    return step == null ? null : step.answer();
  }

  /** Who acts: the step's path in its run, or {@code api} outside runs. */
  public String actor() {
    return step == null ? "api" : "run " + step.runId() + " step " + step.path();
  }

  /** The hub's services. */
  public ModuleServices services() {
    return services;
  }

  /** This module's entities. */
  public Entities entities() {
    return services.entities(module);
  }

  /** The hub's time. */
  public Instant now() {
    return services.clock().now();
  }

  /** A new UUID v4. */
  public String newId() {
    return services.ids().newId();
  }

  /** Calls another module's operation on behalf of the same step. */
  public Object invoke(String otherModule, String otherOperation, Map<String, Object> in) {
    return services.invoke(otherModule, otherOperation, in, step);
  }

  /** Publishes an event of this module. */
  public void publish(String type, Map<String, Object> data) {
    services.publish(module, type, data);
  }

  /** A parameter, in either naming style ({@code contextId} or {@code context_id}), or null. */
  public Object get(String camelName) {
    Object value = input.get(camelName);
    return value != null ? value : input.get(snake(camelName));
  }

  /** A parameter as text, or {@code fallback}. */
  public String text(String name, String fallback) {
    Object value = get(name);
    return value == null || String.valueOf(value).isBlank() ? fallback : String.valueOf(value);
  }

  /**
   * A required parameter as text.
   *
   * @throws StepException BAD_INPUT naming the parameter and the operation
   */
  public String required(String name) {
    String value = text(name, null);
    if (value == null) {
      throw new StepException(
          ErrorKind.BAD_INPUT,
          module + "." + operation + " needs the parameter '" + name + "'; it was not given");
    }
    return value;
  }

  /** A parameter as a list; empty when missing, a single value as a list of one. */
  public List<?> list(String name) {
    Object value = get(name);
    if (value == null) {
      return List.of();
    }
    return value instanceof List<?> l ? l : List.of(value);
  }

  /** A parameter as an object; empty when missing or not an object. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> map(String name) {
    return get(name) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /**
   * A new MPLP document of this module: {@code meta} (created now, by {@link #actor()}) and its id.
   */
  public Map<String, Object> document(String idField, String id) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("meta", Mplp.meta(now(), actor()));
    doc.put(idField, id);
    return doc;
  }

  /** A new MPLP event of this module, of {@code type} ({@code plan.created}), happening now. */
  public Map<String, Object> event(String type, Map<String, Object> data) {
    return Mplp.event(newId(), type, module, now(), data);
  }

  /** Appends {@code event} to the {@code events} list of {@code document}. */
  @SuppressWarnings("unchecked")
  public static void addEvent(Map<String, Object> document, Map<String, Object> event) {
    ((List<Object>) document.computeIfAbsent("events", k -> new ArrayList<>())).add(event);
  }

  /**
   * A map of {@code keysAndValues} (key, value, key, value, …) in that order, leaving out null
   * values.
   */
  public static Map<String, Object> fields(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        out.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return out;
  }

  /** Fails the call with a BAD_INPUT naming the operation. */
  public StepException badInput(String message) {
    return new StepException(ErrorKind.BAD_INPUT, module + "." + operation + ": " + message);
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
