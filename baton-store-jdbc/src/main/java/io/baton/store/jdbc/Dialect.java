package io.baton.store.jdbc;

/** What differs between the databases Baton keeps its stores in. */
enum Dialect {
  H2("h2", "sa", "?", " FOR UPDATE"),
  POSTGRESQL("postgresql", "postgres", "CAST(? AS jsonb)", " FOR UPDATE SKIP LOCKED");

  private final String folder;
  private final String defaultUser;
  private final String jsonParameter;
  private final String lockForClaim;

  Dialect(String folder, String defaultUser, String jsonParameter, String lockForClaim) {
    this.folder = folder;
    this.defaultUser = defaultUser;
    this.jsonParameter = jsonParameter;
    this.lockForClaim = lockForClaim;
  }

  /** Where this database's Flyway migrations are. */
  String migrations() {
    return "classpath:db/baton/" + folder;
  }

  /** The user when the options name none. */
  String defaultUser() {
    return defaultUser;
  }

  /**
   * The placeholder of a JSON text parameter: PostgreSQL needs the cast into {@code jsonb}, H2
   * keeps the text.
   */
  String json() {
    return jsonParameter;
  }

  /**
   * The locking clause of a query that claims rows: PostgreSQL skips the rows another node is
   * claiming at the same moment; H2 (one process) simply locks them.
   */
  String lockForClaim() {
    return lockForClaim;
  }
}
