package io.baton.cli.runs;

import io.baton.api.store.StoreBackend;
import io.baton.api.store.StoreProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Opens the store a {@code --store} option names, through whichever {@link StoreProvider} on the
 * class path supports it ({@code mem:} in memory, {@code h2:…} and PostgreSQL from {@code
 * baton-store-jdbc}).
 */
public final class StoreLocations {
  /** Where {@code baton runs} looks when no {@code --store} is given: the embedded default. */
  public static final String DEFAULT = "h2:./data/baton";

  private StoreLocations() {}

  /**
   * Opens {@code location}.
   *
   * @throws IllegalArgumentException when no provider supports it, saying which forms work
   * @throws io.baton.api.store.StoreUnavailableException when it cannot be opened
   */
  public static StoreBackend open(String location) {
    return open(location, Map.of());
  }

  /** Opens {@code location} with provider {@code options} ({@code connectAttempts=1}, …). */
  public static StoreBackend open(String location, Map<String, String> options) {
    List<StoreProvider> providers = new ArrayList<>();
    ServiceLoader.load(StoreProvider.class).forEach(providers::add);
    for (StoreProvider provider : providers) {
      if (provider.supports(location)) {
        return provider.open(location, options);
      }
    }
    throw new IllegalArgumentException(
        "--store "
            + location
            + ": no store understands this location; use mem:, h2:./data/baton (a file),"
            + " jdbc:postgresql://HOST:PORT/DB or postgresql://USER@HOST:PORT/DB");
  }
}
