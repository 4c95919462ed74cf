package io.baton.engine.language.internal;

import io.baton.api.definition.JoinMode;
import io.baton.api.definition.Priority;
import io.baton.api.definition.StepCommon;
import java.util.List;

/** Binds the fields every step has, whatever its type, into a {@link StepCommon}. */
public final class CommonFieldsBinder {

  /** The wire names of the common fields, in documentation order. */
  public static final List<String> FIELDS =
      List.of(
          "id",
          "type",
          "name",
          "description",
          "dependsOn",
          "join",
          "when",
          "input",
          "timeout",
          "retry",
          "onError",
          "priority",
          "resources",
          "ui");

  private final PolicyBinder policies;

  /** A binder that reads retry, onError and resources with {@code policies}. */
  public CommonFieldsBinder(PolicyBinder policies) {
    this.policies = policies;
  }

  /**
   * The common fields of the step read by {@code f}.
   *
   * @param id the step's id, already read
   */
  public StepCommon bind(FieldReader f, String id) {
    return new StepCommon(
        id,
        f.string("name"),
        f.string("description"),
        f.ids("dependsOn"),
        f.enumValue("join", JoinMode.class, EnumText::camel),
        f.expression("when"),
        f.jsonObject("input"),
        f.duration("timeout"),
        policies.retry(f, "retry", id),
        policies.onError(f, id),
        f.enumValue("priority", Priority.class, EnumText::camel),
        policies.resources(f, id),
        f.jsonObject("ui"));
  }
}
