package io.baton.cluster;

import io.baton.api.store.StoreUnavailableException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * The cluster's tables, migrated by Flyway from {@code db/cluster} with their own history table
 * ({@code baton_cluster_schema_history}), so that they live beside the store's tables in the same
 * database without mixing with its migrations.
 */
final class ClusterSchema {
  static final String HISTORY = "baton_cluster_schema_history";

  private ClusterSchema() {}

  /**
   * Brings the cluster's tables up to this build's version.
   *
   * @throws StoreUnavailableException when migrating fails, naming the history table
   */
  static void migrate(DataSource dataSource) {
    Flyway flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/cluster")
            .table(HISTORY)
            // the schema already holds the store's tables: start this history from nothing
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .validateMigrationNaming(true)
            .cleanDisabled(true)
            .load();
    try {
      refuseNewer(flyway.info().applied());
      flyway.migrate();
    } catch (FlywayException e) {
      throw new StoreUnavailableException(
          "cannot migrate the cluster tables: "
              + e.getMessage()
              + " (their migrations are recorded in table "
              + HISTORY
              + ")",
          e);
    }
  }

  /** A newer Baton's cluster tables may mean something this build does not know: refuse them. */
  private static void refuseNewer(MigrationInfo[] applied) {
    for (MigrationInfo m : applied) {
      if (m.getState() == MigrationState.FUTURE_SUCCESS
          || m.getState() == MigrationState.FUTURE_FAILED) {
        throw new StoreUnavailableException(
            "the cluster tables have version "
                + m.getVersion()
                + " ("
                + m.getDescription()
                + "), applied by a newer Baton; this build will not use them. Run the newer"
                + " Baton on every node (table "
                + HISTORY
                + " lists what was applied).");
      }
    }
  }
}
