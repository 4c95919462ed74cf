package io.baton.store.jdbc;

import io.baton.api.store.StoreUnavailableException;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Brings a store's schema up to this build's version with Flyway (history in {@code
 * baton_schema_history}), and refuses a schema that a newer Baton has migrated further: this build
 * would not know what its tables now mean.
 */
final class Migrations {
  /** The history table, Baton's own so that it never mixes with an application's migrations. */
  static final String HISTORY = "baton_schema_history";

  /** H2 migrations that must survive a kill between their statements (see each). */
  private static final JavaMigration[] H2_JAVA = {new H2ValuesKeptByRun()};

  private static final JavaMigration[] NONE = {};

  private Migrations() {}

  /**
   * Migrates the schema at {@code dataSource}.
   *
   * @throws StoreUnavailableException when a newer Baton migrated it, a migration failed before, or
   *     migrating fails
   */
  static void migrate(DataSource dataSource, Dialect dialect, String location) {
    Flyway flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .locations(dialect.migrations())
            .table(HISTORY)
            .javaMigrations(dialect == Dialect.H2 ? H2_JAVA : NONE)
            .cleanDisabled(true)
            .load();
    try {
      refuseUnknown(flyway.info().all(), location);
      if (dialect == Dialect.H2 && flyway.info().applied().length == 0) {
        InterruptedFirstMigration.clear(dataSource, location);
      }
      flyway.migrate();
    } catch (FlywayException e) {
      throw new StoreUnavailableException(
          "cannot migrate the schema of the store at "
              + location
              + ": "
              + e.getMessage()
              + ". The history of its migrations is in table "
              + HISTORY
              + ".",
          e);
    }
  }

  private static void refuseUnknown(MigrationInfo[] migrations, String location) {
    List<String> future =
        Arrays.stream(migrations)
            .filter(
                m ->
                    m.getState() == MigrationState.FUTURE_SUCCESS
                        || m.getState() == MigrationState.FUTURE_FAILED)
            .map(m -> m.getVersion() + " (" + m.getDescription() + ")")
            .toList();
    String known =
        Arrays.stream(migrations)
            .filter(m -> m.getState().isResolved())
            .map(m -> String.valueOf(m.getVersion()))
            .reduce((a, b) -> b)
            .orElse("none");
    if (!future.isEmpty()) {
      throw new StoreUnavailableException(
          "the store at "
              + location
              + " has schema version(s) "
              + future
              + " applied by a newer Baton; this build knows versions up to "
              + known
              + " and will not use a schema it does not understand. Run the newer Baton against"
              + " it, or restore a backup taken before the upgrade (table "
              + HISTORY
              + " lists what was applied).");
    }
    List<String> failed =
        Arrays.stream(migrations)
            .filter(m -> m.getState().isFailed())
            .map(m -> String.valueOf(m.getVersion()))
            .toList();
    if (!failed.isEmpty()) {
      throw new StoreUnavailableException(
          "the store at "
              + location
              + " has failed migration(s) "
              + failed
              + " in "
              + HISTORY
              + "; restore a backup, or repair the schema by hand and delete the failed rows.");
    }
  }
}
