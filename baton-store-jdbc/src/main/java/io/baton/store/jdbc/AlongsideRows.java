package io.baton.store.jdbc;

import io.baton.api.store.SqlWrite;
import java.util.List;

/** The application's statements of a run's commit ({@link SqlWrite}) as rows of its write. */
final class AlongsideRows {
  private AlongsideRows() {}

  /** {@code write} as a row, its arguments bound in order with {@code setObject}. */
  static Write.Row row(SqlWrite write) {
    List<Object> arguments = write.arguments();
    return new Write.Row(
        write.sql(),
        ps -> {
          for (int i = 0; i < arguments.size(); i++) {
            ps.setObject(i + 1, arguments.get(i));
          }
        });
  }
}
