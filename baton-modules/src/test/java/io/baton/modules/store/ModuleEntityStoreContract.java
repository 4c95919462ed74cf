package io.baton.modules.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.test.FakeClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link ModuleEntityStore} must do; run against memory, H2 and PostgreSQL. */
abstract class ModuleEntityStoreContract {
  protected final FakeClock clock = new FakeClock();

  /** A fresh, empty store. */
  protected abstract ModuleEntityStore store();

  private static final EntityKey PLAN = new EntityKey("plan", "plan", "p-1");

  @Test
  void insertsFindsAndCopiesDocuments() {
    ModuleEntityStore store = store();
    Map<String, Object> doc =
        new java.util.HashMap<>(Map.of("title", "t", "steps", List.of(Map.of("n", 1))));
    StoredEntity saved = store.insert(PLAN, "run-1", doc);
    doc.put("title", "changed after insert");

    StoredEntity found = store.find(PLAN).orElseThrow();
    assertThat(saved.version()).isEqualTo(1);
    assertThat(found.document()).isEqualTo(Map.of("title", "t", "steps", List.of(Map.of("n", 1))));
    assertThat(found.ref()).isEqualTo("run-1");
    assertThat(store.find(new EntityKey("plan", "plan", "missing"))).isEmpty();
  }

  @Test
  void aSecondInsertOfTheSameKeyConflicts() {
    ModuleEntityStore store = store();
    store.insert(PLAN, null, Map.of("a", 1));
    assertThatThrownBy(() -> store.insert(PLAN, null, Map.of("a", 2)))
        .isInstanceOf(EntityConflictException.class)
        .hasMessageContaining("plan/plan/p-1");
  }

  @Test
  void updatesAreOptimisticByVersion() {
    ModuleEntityStore store = store();
    store.insert(PLAN, "r", Map.of("v", 1));
    clock.advance(Duration.ofSeconds(5));
    StoredEntity second = store.update(PLAN, 1, Map.of("v", 2));

    assertThat(second.version()).isEqualTo(2);
    assertThat(second.ref()).isEqualTo("r");
    assertThat(store.find(PLAN).orElseThrow().document()).isEqualTo(Map.of("v", 2));
    assertThatThrownBy(() -> store.update(PLAN, 1, Map.of("v", 3)))
        .isInstanceOf(EntityConflictException.class)
        .hasMessageContaining("expected version 1 but found 2");
    assertThatThrownBy(() -> store.update(new EntityKey("plan", "plan", "nope"), 1, Map.of()))
        .isInstanceOf(EntityConflictException.class);
  }

  @Test
  void listsByModuleTypeAndRefInInsertionOrder() {
    ModuleEntityStore store = store();
    store.insert(new EntityKey("plan", "plan", "b"), "run-1", Map.of("n", 1));
    store.insert(new EntityKey("plan", "plan", "a"), "run-2", Map.of("n", 2));
    store.insert(new EntityKey("plan", "plan", "c"), "run-1", Map.of("n", 3));
    store.insert(new EntityKey("context", "context", "x"), "run-1", Map.of("n", 4));

    assertThat(store.list("plan", "plan", null, 10))
        .extracting(e -> e.key().id())
        .containsExactly("b", "a", "c");
    assertThat(store.list("plan", "plan", "run-1", 10))
        .extracting(e -> e.key().id())
        .containsExactly("b", "c");
    assertThat(store.list("plan", "plan", null, 2)).hasSize(2);
  }

  @Test
  void deletes() {
    ModuleEntityStore store = store();
    store.insert(PLAN, null, Map.of());
    assertThat(store.delete(PLAN)).isTrue();
    assertThat(store.delete(PLAN)).isFalse();
    assertThat(store.find(PLAN)).isEmpty();
  }
}
