package io.baton.modules.spi;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.time.TimeSource;
import io.baton.modules.mplp.Mplp;
import io.baton.modules.mplp.MplpSchemas;
import io.baton.modules.store.EntityConflictException;
import io.baton.modules.store.EntityKey;
import io.baton.modules.store.ModuleEntityStore;
import io.baton.modules.store.StoredEntity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One module's view of the entity store. Its main documents (type = the module's name) are checked
 * against the module's MPLP schema on every write, so nothing that does not conform is ever stored;
 * updates stamp {@code meta.updated_at} and retry when another writer got there first.
 */
public final class Entities {
  private static final int ATTEMPTS = 8;
  private final String module;
  private final ModuleEntityStore store;
  private final TimeSource clock;

  /** The entities of {@code module} in {@code store}. */
  public Entities(String module, ModuleEntityStore store, TimeSource clock) {
    this.module = module;
    this.store = store;
    this.clock = clock;
  }

  /** Stores a new document of {@code type} with query column {@code ref}; returns it. */
  public Map<String, Object> create(
      String type, String id, String ref, Map<String, Object> document) {
    checked(type, document);
    return store.insert(new EntityKey(module, type, id), ref, document).document();
  }

  /** The document, if stored. */
  public Optional<Map<String, Object>> find(String type, String id) {
    return id == null
        ? Optional.empty()
        : store.find(new EntityKey(module, type, id)).map(StoredEntity::document);
  }

  /**
   * The document.
   *
   * @throws StepException NOT_FOUND, saying how such documents are made, when there is none
   */
  public Map<String, Object> get(String type, String id) {
    return find(type, id)
        .orElseThrow(
            () ->
                new StepException(
                    ErrorKind.NOT_FOUND,
                    "the "
                        + module
                        + " module has no "
                        + type
                        + " '"
                        + id
                        + "'; ids come from the results of its operations"));
  }

  /**
   * Changes a document in place with {@code change} and stores it, reloading and applying the
   * change again if another writer updated it meanwhile.
   */
  public Map<String, Object> update(String type, String id, Consumer<Map<String, Object>> change) {
    EntityKey key = new EntityKey(module, type, id);
    for (int attempt = 1; ; attempt++) {
      StoredEntity current = store.find(key).orElse(null);
      if (current == null) {
        return get(type, id);
      }
      Map<String, Object> document = current.document();
      change.accept(document);
      if (document.get("meta") instanceof Map<?, ?> meta) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) meta;
        m.put("updated_at", Mplp.time(clock.now()));
      }
      checked(type, document);
      try {
        return store.update(key, current.version(), document).document();
      } catch (EntityConflictException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** Documents of {@code type}, oldest first; those with query column {@code ref} unless null. */
  public List<Map<String, Object>> list(String type, String ref, int limit) {
    return store.list(module, type, ref, limit).stream().map(StoredEntity::document).toList();
  }

  private void checked(String type, Map<String, Object> document) {
    if (type.equals(module) && MplpSchemas.MODULES.contains(module)) {
      MplpSchemas.check(module, document);
    }
  }
}
