package io.baton.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcLocationTest {
  @Test
  void anH2FileIsAnchoredAndWrittenAtEachCommit() {
    JdbcLocation l = JdbcLocation.parse("h2:data/baton");
    assertThat(l.dialect()).isEqualTo(Dialect.H2);
    assertThat(l.jdbcUrl()).isEqualTo("jdbc:h2:file:./data/baton;WRITE_DELAY=0");
    assertThat(l.display()).isEqualTo("h2:./data/baton");
    assertThat(JdbcLocation.parse("h2:./data/baton").jdbcUrl())
        .isEqualTo("jdbc:h2:file:./data/baton;WRITE_DELAY=0");
    assertThat(JdbcLocation.parse("h2:/var/lib/baton/db").jdbcUrl())
        .isEqualTo("jdbc:h2:file:/var/lib/baton/db;WRITE_DELAY=0");
  }

  @Test
  void inMemoryAndJdbcUrlsPassThrough() {
    assertThat(JdbcLocation.parse("h2:mem:t1").jdbcUrl()).isEqualTo("jdbc:h2:mem:t1");
    assertThat(JdbcLocation.parse("jdbc:h2:mem:x;MODE=Regular").jdbcUrl())
        .isEqualTo("jdbc:h2:mem:x;MODE=Regular");
    JdbcLocation pg = JdbcLocation.parse("jdbc:postgresql://db:5432/baton?password=secret");
    assertThat(pg.dialect()).isEqualTo(Dialect.POSTGRESQL);
    assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/baton?password=secret");
    assertThat(pg.display()).doesNotContain("secret");
  }

  @Test
  void aPostgresqlUriGivesItsCredentialsAndHidesThePassword() {
    JdbcLocation l = JdbcLocation.parse("postgresql://ops:p%40ss@db.internal:6432/baton");
    assertThat(l.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/baton");
    assertThat(l.user()).isEqualTo("ops");
    assertThat(l.password()).isEqualTo("p@ss");
    assertThat(l.display()).isEqualTo("postgresql://ops@db.internal:6432/baton");
    assertThat(JdbcLocation.parse("postgres://h/db").user()).isNull();
  }

  @Test
  void anUnknownLocationSaysWhichFormsWork() {
    assertThat(JdbcLocation.supports("mem:")).isFalse();
    assertThat(JdbcLocation.supports("postgresql://h/db")).isTrue();
    assertThatThrownBy(() -> JdbcLocation.parse("mysql://h/db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("h2:./data/baton")
        .hasMessageContaining("jdbc:postgresql://");
    assertThatThrownBy(() -> JdbcLocation.parse("h2:")).hasMessageContaining("names no database");
  }
}
