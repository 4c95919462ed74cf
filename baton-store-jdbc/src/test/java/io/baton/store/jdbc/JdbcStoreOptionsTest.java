package io.baton.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JdbcStoreOptionsTest {
  @Test
  void missingOptionsTakeTheDefaults() {
    JdbcStoreOptions o = JdbcStoreOptions.fromMap(Map.of("poolSize", "4", "connectDelayMs", "20"));
    assertThat(o.poolSize()).isEqualTo(4);
    assertThat(o.connectDelay()).isEqualTo(Duration.ofMillis(20));
    assertThat(o.maxValueBytes()).isEqualTo(256 * 1024);
    assertThat(o.connectAttempts()).isEqualTo(JdbcStoreOptions.DEFAULTS.connectAttempts());
    assertThat(o.user()).isNull();
  }

  @Test
  void unknownOrBadOptionsAreNamed() {
    assertThatThrownBy(() -> JdbcStoreOptions.fromMap(Map.of("pool", "4")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[pool]")
        .hasMessageContaining("poolSize");
    assertThatThrownBy(() -> JdbcStoreOptions.fromMap(Map.of("maxValueBytes", "lots")))
        .hasMessageContaining("maxValueBytes must be a whole number, was 'lots'");
    assertThatThrownBy(() -> JdbcStoreOptions.fromMap(Map.of("poolSize", "0")))
        .hasMessageContaining("poolSize must be greater than 0");
  }
}
