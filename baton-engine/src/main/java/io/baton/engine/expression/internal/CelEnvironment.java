package io.baton.engine.expression.internal;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.baton.api.spi.ExpressionException;
import java.util.List;
import java.util.Set;

/**
 * A CEL compiler and runtime configured once for a set of dynamic variables, shared by every
 * expression compiled with it (both are immutable and thread-safe; building them takes
 * milliseconds, so never per expression).
 *
 * <p>Besides the standard library it enables the {@code strings}, {@code math}, {@code lists},
 * {@code encoders} and {@code bindings} ({@code cel.bind}) extensions and optional syntax ({@code
 * inputs.?limit.orValue(10)}), compares numbers across int, uint and double, and caps
 * comprehensions at 10 000 iterations.
 */
public final class CelEnvironment {
  private static final int MAX_ITERATIONS = 10_000;

  private final Set<String> variables;
  private final CelCompiler compiler;
  private final CelRuntime runtime;

  /**
   * @param variables the declared variable names, all of type {@code dyn}
   * @param functions extra function declarations (for the JavaScript translation)
   * @param bindings their implementations
   */
  public CelEnvironment(
      Set<String> variables, List<CelFunctionDecl> functions, List<CelFunctionBinding> bindings) {
    this.variables = Set.copyOf(variables);
    CelOptions options =
        CelOptions.current()
            .enableHeterogeneousNumericComparisons(true)
            .enableOptionalSyntax(true)
            .comprehensionMaxIterations(MAX_ITERATIONS)
            .build();
    CelCompilerBuilder compilerBuilder =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(options)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addLibraries(
                CelExtensions.bindings(),
                CelExtensions.optional(),
                CelExtensions.strings(),
                CelExtensions.math(),
                CelExtensions.lists(),
                CelExtensions.encoders(options))
            .addFunctionDeclarations(functions)
            .setResultType(SimpleType.DYN);
    this.variables.forEach(name -> compilerBuilder.addVar(name, SimpleType.DYN));
    this.compiler = compilerBuilder.build();
    this.runtime =
        CelRuntimeFactory.standardCelRuntimeBuilder()
            .setOptions(options)
            .addLibraries(
                CelExtensions.optional(),
                CelExtensions.strings(),
                CelExtensions.math(),
                CelExtensions.lists(),
                CelExtensions.encoders(options))
            .addFunctionBindings(bindings)
            .build();
  }

  /** The declared variable names. */
  public Set<String> variables() {
    return variables;
  }

  /**
   * Parses, type-checks and plans {@code source}.
   *
   * @throws ExpressionException positioned at the first error
   */
  public CelRuntime.Program compile(String source) {
    CelValidationResult result = compiler.compile(source);
    if (result.hasError()) {
      throw CelFailures.compile(result, source, variables);
    }
    try {
      CelAbstractSyntaxTree ast = result.getAst();
      return runtime.createProgram(ast);
    } catch (dev.cel.common.CelValidationException | CelEvaluationException e) {
      throw new ExpressionException("expression cannot be planned: " + e.getMessage(), source, -1);
    }
  }
}
