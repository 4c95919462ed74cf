package io.baton.store.jdbc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A store location understood: which database, its JDBC URL, and credentials found in it.
 *
 * @param dialect the database
 * @param jdbcUrl what the driver is given
 * @param display the location as logs and messages show it (never a password)
 * @param user a user named in the location ({@code postgresql://user:secret@host/db}), or null
 * @param password a password named in the location, or null
 */
record JdbcLocation(Dialect dialect, String jdbcUrl, String display, String user, String password) {

  /** Whether {@code location} names an H2 or PostgreSQL database. */
  static boolean supports(String location) {
    String l = location.toLowerCase(Locale.ROOT);
    return l.startsWith("h2:")
        || l.startsWith("jdbc:h2:")
        || l.startsWith("jdbc:postgresql:")
        || l.startsWith("postgresql://")
        || l.startsWith("postgres://");
  }

  /**
   * Reads a location: {@code h2:./data/baton} (a file database), {@code h2:mem:name}, {@code
   * jdbc:h2:…}, {@code jdbc:postgresql://host:port/db}, {@code postgresql://[user[:password]@]host
   * [:port]/db}.
   *
   * @throws IllegalArgumentException saying which forms are understood
   */
  static JdbcLocation parse(String location) {
    String l = location.trim();
    String lower = l.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:h2:")) {
      return new JdbcLocation(Dialect.H2, l, l, null, null);
    }
    if (lower.startsWith("h2:")) {
      return h2(l.substring(3));
    }
    if (lower.startsWith("jdbc:postgresql:")) {
      return new JdbcLocation(Dialect.POSTGRESQL, l, hidePassword(l), null, null);
    }
    if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
      return postgres(l.substring(l.indexOf("://") + 3));
    }
    throw new IllegalArgumentException(
        "store location '"
            + location
            + "' is not understood; use h2:./data/baton (a file), h2:mem:NAME,"
            + " jdbc:postgresql://HOST:PORT/DB or postgresql://USER@HOST:PORT/DB");
  }

  private static JdbcLocation h2(String rest) {
    if (rest.isBlank()) {
      throw new IllegalArgumentException(
          "store location 'h2:' names no database; use h2:./data/baton or h2:mem:NAME");
    }
    if (rest.startsWith("mem:")) {
      return new JdbcLocation(Dialect.H2, "jdbc:h2:" + rest, "h2:" + rest, null, null);
    }
    String path = rest.startsWith("file:") ? rest.substring(5) : rest;
    // H2 refuses a bare relative name ("data/baton"): it must say that it is relative.
    boolean anchored =
        path.startsWith("/")
            || path.startsWith("./")
            || path.startsWith("~")
            || path.matches("^[A-Za-z]:.*");
    String file = anchored ? path : "./" + path;
    // WRITE_DELAY=0: H2 writes each commit to its file at once instead of up to 500 ms later, so
    // that a committed event survives the process being killed.
    return new JdbcLocation(
        Dialect.H2, "jdbc:h2:file:" + file + ";WRITE_DELAY=0", "h2:" + file, null, null);
  }

  private static JdbcLocation postgres(String rest) {
    String user = null;
    String password = null;
    int at = rest.lastIndexOf('@', rest.indexOf('/') < 0 ? rest.length() : rest.indexOf('/'));
    if (at >= 0) {
      String info = rest.substring(0, at);
      rest = rest.substring(at + 1);
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon));
      password = colon < 0 ? null : decode(info.substring(colon + 1));
    }
    String url = "jdbc:postgresql://" + rest;
    String display = "postgresql://" + (user == null ? "" : user + "@") + rest;
    return new JdbcLocation(Dialect.POSTGRESQL, url, hidePassword(display), user, password);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** The URL with the value of a {@code password=} parameter replaced by stars. */
  private static String hidePassword(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
