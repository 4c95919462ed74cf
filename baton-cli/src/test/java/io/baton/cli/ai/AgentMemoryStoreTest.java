package io.baton.cli.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.cli.CapturedTerminal;
import io.baton.cli.ExitCodes;
import io.baton.store.jdbc.JdbcStoreBackend;
import io.baton.store.jdbc.JdbcStoreOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baton run --store} keeps what agents write (here the run's blackboard) in the store's
 * database, beside the run, instead of in memory.
 */
class AgentMemoryStoreTest {
  @TempDir Path dir;

  @Test
  void theBlackboardOfARunInAJdbcStoreIsInItsDatabase() throws Exception {
    Path flow = dir.resolve("note.yaml");
    Files.writeString(
        flow,
        """
        id: note
        steps:
          - {id: write, type: tool, tool: blackboard_write, input: {key: tide, value: noon}}
        """);
    String store = "h2:" + dir.resolve("baton");
    var run = CapturedTerminal.plain();

    assertThat(run.run("run", flow.toString(), "--store", store))
        .as(run.err())
        .isEqualTo(ExitCodes.OK);

    try (JdbcStoreBackend backend = JdbcStoreBackend.open(store, JdbcStoreOptions.DEFAULTS);
        Connection c = backend.dataSource().getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT entry_value FROM baton_blackboard WHERE entry_key = 'tide'")) {
      assertThat(rs.next()).as("the blackboard entry is in the store's database").isTrue();
      assertThat(rs.getString(1)).isEqualTo("\"noon\"");
    }
  }
}
