package io.baton.api.store;

import java.util.Map;

/**
 * Opens a {@link StoreBackend} from a location such as {@code mem:}, {@code h2:./data/baton} or
 * {@code jdbc:postgresql://host/db}. Implementations are found with {@link
 * java.util.ServiceLoader}.
 */
public interface StoreProvider {

  /** Whether this provider handles {@code location}. */
  boolean supports(String location);

  /**
   * Opens (and, for databases, migrates) the store at {@code location}.
   *
   * @param options provider options, e.g. {@code user}, {@code password}, {@code poolSize}
   * @throws StoreUnavailableException when it cannot be reached or used, with the reason
   */
  StoreBackend open(String location, Map<String, String> options);
}
