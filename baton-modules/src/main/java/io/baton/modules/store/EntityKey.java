package io.baton.modules.store;

import java.util.Objects;

/**
 * Names one stored entity: the module that owns it, the entity's type within the module, and its
 * id.
 *
 * @param module the owning module, e.g. {@code plan}
 * @param type the entity type, e.g. {@code plan} (the module's MPLP document) or {@code operation}
 * @param id the entity's id, unique within module and type
 */
public record EntityKey(String module, String type, String id) {
  public EntityKey {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
  }

  @Override
  public String toString() {
    return module + "/" + type + "/" + id;
  }
}
