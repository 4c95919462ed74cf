package io.baton.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.store.StoreUnavailableException;
import java.io.IOException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlFailuresTest {
  @ParameterizedTest(name = "SQL state {0}, code {1}: {2}")
  @CsvSource({
    "08006, 0, connection lost",
    "53100, 0, disk full",
    "25006, 0, read-only transaction",
    "57P01, 0, administrator shutdown",
    "40P01, 0, deadlock",
    "HY000, 90097, H2 database read-only",
    "HY000, 90098, H2 database closed"
  })
  void conditionsThatPassAreUnavailable(String state, int code, String what) {
    RuntimeException e =
        SqlFailures.translate("h2:./x", "appending", new SQLException(what, state, code));
    assertThat(e)
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("h2:./x")
        .hasMessageContaining("appending")
        .hasMessageContaining(state);
  }

  @Test
  void anIoFailureUnderneathIsUnavailable() {
    SQLException e = new SQLException("general error", "HY000", 50000, new IOException("No space"));
    assertThat(SqlFailures.translate("l", "w", e)).isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void aBugIsNotMistakenForAnOutage() {
    RuntimeException e =
        SqlFailures.translate("l", "listing", new SQLException("syntax error", "42601"));
    assertThat(e).isInstanceOf(IllegalStateException.class).hasMessageContaining("42601");
  }

  @Test
  void duplicateKeysAreFoundInBatchChains() {
    BatchUpdateException batch = new BatchUpdateException("batch", "HY000", 0, new int[0], null);
    batch.setNextException(new SQLException("dup", "23505"));
    assertThat(SqlFailures.isDuplicateKey(batch)).isTrue();
    assertThat(SqlFailures.isDuplicateKey(new SQLException("x", "08006"))).isFalse();
  }
}
