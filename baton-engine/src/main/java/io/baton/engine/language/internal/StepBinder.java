package io.baton.engine.language.internal;

import static io.baton.engine.language.DiagnosticCodes.TOO_MANY_STEPS;
import static io.baton.engine.language.DiagnosticCodes.UNKNOWN_FIELD;

import io.baton.api.definition.CustomStep;
import io.baton.api.definition.StepCommon;
import io.baton.api.definition.StepDef;
import io.baton.engine.language.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds native step objects into {@link StepDef}s: reads the common fields, then hands the rest to
 * the family that knows the step's type. Types that no family knows become {@link CustomStep}s
 * carrying their other fields; whether the type exists is checked later, on the model, so that
 * definitions built in Java get the same check.
 */
public final class StepBinder {
  private static final List<StepFamily> FAMILIES =
      List.of(new ControlSteps(), new CompositeSteps(), new WaitingSteps(), new CallSteps());

  private final Binding binding;
  private final CommonFieldsBinder common;
  private final Map<String, StepFamily> families = new HashMap<>();
  private int count;

  /** A binder for one file. */
  public StepBinder(Binding binding) {
    this.binding = binding;
    this.common = new CommonFieldsBinder(new PolicyBinder(binding.findings()));
    for (StepFamily family : FAMILIES) {
      family.fields().keySet().forEach(type -> families.put(type, family));
    }
  }

  /** Every built-in step type with the wire names of its own fields (the common ones excluded). */
  public static Map<String, List<String>> typeFields() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    FAMILIES.forEach(family -> out.putAll(family.fields()));
    return out;
  }

  /** The binding this binder reports to. */
  public Binding binding() {
    return binding;
  }

  /**
   * Binds a list of steps.
   *
   * @param array the source list
   * @param canonical the list's pointer in the canonical layout
   * @return the steps that could be bound
   */
  public List<StepDef> bindList(SourceArray array, String canonical) {
    binding.pointers().put(canonical, array.pointer());
    List<StepDef> out = new ArrayList<>();
    for (SourceNode item : array.items()) {
      StepDef step = bind(item, Pointer.child(canonical, out.size()));
      if (step != null) {
        out.add(step);
      }
    }
    return out;
  }

  /**
   * Binds one step.
   *
   * @param node the step's source
   * @param canonical the step's pointer in the canonical layout
   * @return the step, or null when it is not an object or over the step limit
   */
  public StepDef bind(SourceNode node, String canonical) {
    binding.pointers().put(canonical, node.pointer());
    FieldReader f = FieldReader.of(node, "a step", binding.findings(), null);
    if (f == null || overLimit(node)) {
      return null;
    }
    String id = f.text("id");
    String type = f.string("type");
    f = new FieldReader(f.object(), binding.findings(), id);
    StepFamily family = families.get(type);
    if (family != null) {
      Set<String> allowed = new LinkedHashSet<>(CommonFieldsBinder.FIELDS);
      allowed.addAll(family.fields().get(type));
      f.rejectUnknown(allowed, "a " + type + " step", Severity.ERROR);
    }
    StepCommon c = common.bind(f, id == null ? "" : id);
    if (family == null) {
      return new CustomStep(c, type == null ? "" : type, config(f));
    }
    return family.bind(new StepFamily.StepSource(type, c, f, canonical), this);
  }

  private boolean overLimit(SourceNode node) {
    count++;
    int max = binding.context().limits().maxSteps();
    if (count == max + 1) {
      binding
          .findings()
          .add(
              Finding.error(
                      TOO_MANY_STEPS,
                      node.pointer(),
                      "the workflow has more than " + max + " steps")
                  .hint("split it into subworkflows, or raise Limits.maxSteps"));
    }
    return count > max;
  }

  /**
   * A custom step's fields: everything but the common ones, as written. A field that looks like a
   * misspelt common field ({@code dependson}) is a warning: it is passed on as configuration, which
   * is probably not what was meant.
   */
  private static Map<String, Object> config(FieldReader f) {
    Map<String, Object> config = new LinkedHashMap<>();
    f.object()
        .fields()
        .forEach(
            (name, value) -> {
              if (!CommonFieldsBinder.FIELDS.contains(name)) {
                config.put(name, value.toJava());
                String common = NearestName.among(name, CommonFieldsBinder.FIELDS);
                if (common != null) {
                  f.report(
                      Finding.warning(
                              UNKNOWN_FIELD,
                              f.pointer(name),
                              "\""
                                  + name
                                  + "\" is not a common field; it is passed to the step as configuration")
                          .atKey()
                          .hint("did you mean \"" + common + "\"?"));
                }
              }
            });
    return config;
  }
}
