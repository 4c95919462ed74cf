package io.baton.engine.language;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.engine.language.imports.Importers;
import io.baton.engine.language.internal.Binding;
import io.baton.engine.language.internal.DefinitionRules;
import io.baton.engine.language.internal.FieldReader;
import io.baton.engine.language.internal.Finding;
import io.baton.engine.language.internal.Findings;
import io.baton.engine.language.internal.Locator;
import io.baton.engine.language.internal.PointerMap;
import io.baton.engine.language.internal.SourceIndex;
import io.baton.engine.language.internal.SourceNode;
import io.baton.engine.language.internal.SourceObject;
import io.baton.engine.language.internal.SourceParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads workflow definitions — Baton's own YAML or JSON, or one of the seed formats (MPLP workflow
 * JSON, MPLP {@code WorkflowDefinition}, iflow tasks) — and checks them, reporting every problem at
 * once with its file, line, column and JSON pointer.
 *
 * <pre>{@code
 * WorkflowLoader loader = new WorkflowLoader(LanguageContext.of(expressionSupport));
 * LoadResult result = loader.load(Path.of("flow.yaml"));
 * result.diagnostics().forEach(System.err::println); // flow.yaml:12:5 /steps/3/dependsOn/0 [step "b"] error …
 * WorkflowDefinition definition = result.orThrow();
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class WorkflowLoader {
  private final LanguageContext context;
  private final SourceParser parser;
  private final DefinitionRules rules;

  /**
   * A loader for {@code context}.
   *
   * @throws IllegalArgumentException when a custom step type's config schema is not a valid JSON
   *     Schema
   */
  public WorkflowLoader(LanguageContext context) {
    this.context = context;
    this.parser = new SourceParser(context.limits());
    this.rules = new DefinitionRules(context);
  }

  /**
   * Reads and checks the definition in {@code file} (YAML, or JSON when it ends in {@code .json}).
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  public LoadResult load(Path file) {
    String name = file.toString();
    try {
      long size = Files.size(file);
      if (size > context.limits().maxFileBytes()) {
        Finding tooLarge = SourceParser.tooLarge(size, context.limits().maxFileBytes());
        return new LoadResult(
            null, List.of(new Locator(name, SourceIndex.empty()).locate(tooLarge)), null);
      }
      return parse(Files.readString(file, StandardCharsets.UTF_8), name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Reads and checks a definition given as text.
   *
   * @param text the definition, YAML or JSON
   * @param sourceName how diagnostics name the source ({@code flow.yaml}); a {@code .json} ending
   *     selects JSON
   */
  public LoadResult parse(String text, String sourceName) {
    Findings parsed = new Findings();
    SourceNode root = parser.parse(text, SourceParser.Syntax.guess(sourceName, text), parsed);
    SourceIndex index = new SourceIndex(root, text);
    Locator locator = new Locator(sourceName, index);
    if (root == null) {
      return new LoadResult(null, located(parsed.all(), locator), null);
    }
    if (!(root instanceof SourceObject object)) {
      parsed.add(FieldReader.wrongType(root, "a workflow (an object)", null));
      return new LoadResult(null, located(parsed.all(), locator), null);
    }
    Binding binding = new Binding(context, parsed, new PointerMap());
    Importers.Imported imported = Importers.bind(object, binding);
    List<Finding> all = new ArrayList<>(binding.findings().all());
    // Over the step limit the definition is truncated: checking its references would only add
    // noise.
    boolean truncated = all.stream().anyMatch(f -> f.code().equals(DiagnosticCodes.TOO_MANY_STEPS));
    for (Finding f : truncated ? List.<Finding>of() : rules.check(imported.definition())) {
      all.add(f.withPointer(binding.pointers().toSource(f.pointer())));
    }
    return new LoadResult(imported.definition(), located(all, locator), imported.format());
  }

  /**
   * Checks a definition built in Java with the same rules as files. The diagnostics have pointers
   * into the definition's native layout (as {@link WorkflowWriter} writes it) but no file, line or
   * column.
   */
  public List<Diagnostic> validate(WorkflowDefinition definition) {
    return rules.check(definition).stream().map(Finding::toDiagnostic).toList();
  }

  /** The findings as diagnostics, in source order (stable for equal positions). */
  private static List<Diagnostic> located(List<Finding> findings, Locator locator) {
    List<Diagnostic> out = new ArrayList<>(findings.stream().map(locator::locate).toList());
    out.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
    return out;
  }
}
