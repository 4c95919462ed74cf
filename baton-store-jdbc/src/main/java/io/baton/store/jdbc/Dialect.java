package io.baton.store.jdbc;

/** What differs between the databases Baton keeps its stores in. */
enum Dialect {
  H2("h2", "sa", "?"),
  POSTGRESQL("postgresql", "postgres", "CAST(? AS jsonb)");

  private final String folder;
  private final String defaultUser;
  private final String jsonParameter;

  Dialect(String folder, String defaultUser, String jsonParameter) {
    this.folder = folder;
    this.defaultUser = defaultUser;
    this.jsonParameter = jsonParameter;
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
}
