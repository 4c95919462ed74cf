package io.baton.store.jdbc;

import io.baton.api.store.StoreBackend;
import io.baton.api.store.StoreProvider;
import java.util.Map;

/**
 * Opens H2 and PostgreSQL stores for {@code java.util.ServiceLoader} users: locations {@code h2:…},
 * {@code jdbc:h2:…}, {@code jdbc:postgresql:…}, {@code postgresql://…}; options as in {@link
 * JdbcStoreOptions#fromMap}.
 */
public final class JdbcStoreProvider implements StoreProvider {
  @Override
  public boolean supports(String location) {
    return JdbcLocation.supports(location);
  }

  @Override
  public StoreBackend open(String location, Map<String, String> options) {
    return JdbcStoreBackend.open(location, JdbcStoreOptions.fromMap(options));
  }
}
