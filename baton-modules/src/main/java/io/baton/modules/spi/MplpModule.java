package io.baton.modules.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A coordination module run by the {@link io.baton.modules.ModuleHub}: a name, a version, a table
 * of named operations, and lifecycle hooks. Subclasses declare their operations in their
 * constructor, in kebab case ({@code create-context}); callers may use any naming style.
 *
 * <pre>{@code
 * final class EchoModule extends MplpModule {
 *   EchoModule() {
 *     super("echo", "Says back what it is given.");
 *     operation("echo", "Returns its input.", call -> call.input());
 *   }
 * }
 * }</pre>
 */
public abstract class MplpModule {
  private final String name;
  private final String description;
  private final Map<String, OperationSpec> operations = new LinkedHashMap<>();

  /** The body of one operation. */
  @FunctionalInterface
  public interface Operation {
    /** Performs the operation; returns a JSON-like result. */
    Object apply(Call call) throws Exception;
  }

  /**
   * An operation as declared.
   *
   * @param name kebab case
   * @param description one sentence, shown by {@code status} and in errors
   * @param body what it does
   */
  public record OperationSpec(String name, String description, Operation body) {}

  /**
   * A reserved interface: an operation an agent with {@code capability} may take over from the
   * module's rules.
   */
  public record Reserved(String operation, String capability, String description) {}

  protected MplpModule(String name, String description) {
    this.name = name;
    this.description = description;
  }

  /** Declares an operation. */
  protected final void operation(String operation, String summary, Operation body) {
    operations.put(operation, new OperationSpec(operation, summary, body));
  }

  /** The module's name, as written in {@code module:} fields. */
  public final String name() {
    return name;
  }

  /** What the module is for. */
  public final String description() {
    return description;
  }

  /** The module's version. */
  public String version() {
    return "1.0.0";
  }

  /** The operations, in declaration order. */
  public final Map<String, OperationSpec> operations() {
    return Collections.unmodifiableMap(operations);
  }

  /** The operations agents may take over; none unless a module says so. */
  public List<Reserved> reserved() {
    return List.of();
  }

  /** Modules this one calls; the hub starts them first and reports them in the module's status. */
  public List<String> dependencies() {
    return List.of();
  }

  /**
   * Applies a configuration (replacing the previous one).
   *
   * @throws IllegalArgumentException naming the offending key when the configuration is invalid
   */
  public void configure(Map<String, Object> config) {}

  /**
   * The query column ({@code ref}) of an imported document of this module: {@code import} unless
   * the module finds its documents by something else (roles by name).
   */
  public String importRef(Map<String, Object> document) {
    return "import";
  }

  /** Problems that make the module unhealthy; empty when it is healthy. */
  public List<String> healthProblems() {
    return List.of();
  }
}
