package io.baton.engine.expression.internal;

import io.baton.engine.expression.Reference;
import io.baton.engine.expression.Template;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shapes a parsed template takes; each renders only what holds placeholders and shares the
 * rest.
 */
final class TemplateNodes {
  private TemplateNodes() {}

  /**
   * A value without placeholders, kept as an unmodifiable copy so no caller can change it between
   * renders.
   */
  record Constant(Object value) implements Template {
    @Override
    public Object render(Map<String, Object> variables) {
      return value;
    }

    @Override
    public boolean isConstant() {
      return true;
    }

    @Override
    public List<Reference> references() {
      return List.of();
    }
  }

  /** A string that is exactly one placeholder: renders to the value with its own JSON type. */
  record Whole(Placeholder placeholder) implements Template {
    @Override
    public Object render(Map<String, Object> variables) {
      return placeholder.evaluate(variables);
    }

    @Override
    public boolean isConstant() {
      return false;
    }

    @Override
    public List<Reference> references() {
      return placeholder.references();
    }
  }

  /**
   * A string mixing text and placeholders: renders to a string. Parts are Strings or Placeholders.
   */
  record Text(List<Object> parts, List<Reference> references) implements Template {
    @Override
    public Object render(Map<String, Object> variables) {
      StringBuilder out = new StringBuilder();
      for (Object part : parts) {
        if (part instanceof Placeholder p) {
          TemplateText.append(out, p.evaluate(variables));
        } else {
          out.append((String) part);
        }
      }
      return out.toString();
    }

    @Override
    public boolean isConstant() {
      return false;
    }
  }

  /**
   * A map some of whose values hold placeholders; renders to an unmodifiable, insertion-ordered
   * map.
   */
  record MapNode(Map<String, Template> entries, List<Reference> references) implements Template {
    @Override
    public Object render(Map<String, Object> variables) {
      if (entries.size() == 1) {
        // the common {id: ${…}} input: a fraction of the memory of a map with a table, and it is
        // kept in the journal with the step
        var only = entries.entrySet().iterator().next();
        return Collections.singletonMap(only.getKey(), only.getValue().render(variables));
      }
      Map<String, Object> out = LinkedHashMap.newLinkedHashMap(entries.size());
      entries.forEach((key, template) -> out.put(key, template.render(variables)));
      return Collections.unmodifiableMap(out);
    }

    @Override
    public boolean isConstant() {
      return false;
    }
  }

  /** A list some of whose elements hold placeholders; renders to an unmodifiable list. */
  record ListNode(List<Template> elements, List<Reference> references) implements Template {
    @Override
    public Object render(Map<String, Object> variables) {
      List<Object> out = new ArrayList<>(elements.size());
      elements.forEach(template -> out.add(template.render(variables)));
      return Collections.unmodifiableList(out);
    }

    @Override
    public boolean isConstant() {
      return false;
    }
  }
}
