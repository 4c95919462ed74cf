package io.baton.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.api.run.RunEvent;
import io.baton.api.run.StoredValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Copies of stored values for a run that starts from another run's events (a fork). */
class StoredValuesTest {
  private static final String INNER = "source/output/inner/1";
  private static final String OUTER = "source/output/outer/1";

  private final InMemoryValueStore store = new InMemoryValueStore();
  private final StoredValues values = new StoredValues(store);
  private Object outer;

  @BeforeEach
  void storeAValueThatHoldsAnother() {
    values.configure(100, 0);
    Object inner = values.hold("source", INNER, Map.of("text", "i".repeat(500)));
    outer = values.hold("source", OUTER, Map.of("inner", inner, "text", "o".repeat(500)));
    assertThat(outer).isInstanceOf(StoredValue.class);
  }

  private static JsonNode completed(Object output) {
    return new RunEventCodec().toJson(new RunEvent.StepCompleted(Instant.EPOCH, "s", 1, output));
  }

  @Test
  void aCopyTakesTheValuesHeldInsideTheValuesItCopiesOnceEach() {
    assertThat(values.copyReferenced("fork", List.of(completed(outer), Map.of("again", outer))))
        .containsExactly(OUTER, INNER);

    store.deleteRun("source");

    assertThat(store.find(OUTER)).isPresent();
    assertThat(store.find(INNER)).as("held only inside the other, still copied").isPresent();
    assertThat(((Map<?, ?>) ((Map<?, ?>) outer).get("inner")).get("text"))
        .as("read from the fork's copies")
        .isEqualTo("i".repeat(500));
    store.deleteRun("fork");
    assertThat(store.find(INNER)).isEmpty();
  }

  @Test
  void aCopyOfAMissingValueSaysWhichAndWhy() {
    store.deleteRun("source");

    assertThatThrownBy(() -> values.copyReferenced("fork", List.of(completed(outer))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("run fork")
        .hasMessageContaining("stored value " + OUTER)
        .hasMessageContaining("missing from the value store");
  }
}
