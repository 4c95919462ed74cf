package io.baton.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.store.ValueStore;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ValueStore}, part of the store contract every backend passes: values are
 * kept by run, so a run that keeps a copy of another's value (a fork) still reads it once that
 * other run is deleted.
 */
interface ValueStoreContract {

  /** The value store of the backend under test, empty at the start of each test. */
  ValueStore values();

  @Test
  default void aValueIsReadByIdAndDeletedWithItsRun() {
    values().put("r1", "r1/output/a/1", "{\"a\":1}");
    values().put("r2", "r2/output/a/1", "{\"a\":2}");

    assertThat(values().find("r1/output/a/1")).hasValue("{\"a\":1}");
    values().deleteRun("r1");

    assertThat(values().find("r1/output/a/1")).isEmpty();
    assertThat(values().find("r2/output/a/1"))
        .as("another run's values stay")
        .hasValue("{\"a\":2}");
  }

  @Test
  default void storingAValueAgainForItsRunReplacesIt() {
    values().put("r1", "r1/output/a/1", "{\"try\":1}");
    values().put("r1", "r1/output/a/1", "{\"try\":2}");

    assertThat(values().find("r1/output/a/1")).hasValue("{\"try\":2}");
    values().deleteRun("r1");
    assertThat(values().find("r1/output/a/1")).isEmpty();
  }

  @Test
  default void aCopyKeptByAnotherRunOutlivesTheRunThatStoredTheValue() {
    String json = "{\"big\":\"" + "x".repeat(100_000) + "\"}";
    String id = "source/output/make/1";
    values().put("source", id, json);
    values().put("fork", id, json);

    values().deleteRun("fork");
    assertThat(values().find(id))
        .as("a fork purged first leaves its source's value")
        .hasValue(json);
    values().put("second-fork", id, json);
    values().deleteRun("source");
    assertThat(values().find(id)).as("the source purged leaves the fork's copy").hasValue(json);
    values().deleteRun("second-fork");
    assertThat(values().find(id)).as("gone with the last run that kept it").isEmpty();
  }
}
