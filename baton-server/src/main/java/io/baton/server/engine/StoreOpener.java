package io.baton.server.engine;

import io.baton.api.store.StoreBackend;
import io.baton.api.store.StoreProvider;
import io.baton.api.store.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Opens the store named by {@code baton.store.location} through the {@link StoreProvider}s on the
 * class path, so that the server knows no backend by name: {@code mem:} comes with the engine,
 * {@code h2:} and PostgreSQL with {@code baton-store-jdbc}.
 */
public final class StoreOpener {
  private final List<StoreProvider> providers;

  /** Uses the providers found by {@link ServiceLoader}. */
  public StoreOpener() {
    this(
        ServiceLoader.load(StoreProvider.class).stream().map(ServiceLoader.Provider::get).toList());
  }

  StoreOpener(List<StoreProvider> providers) {
    this.providers = List.copyOf(providers);
  }

  /**
   * Opens {@code location}.
   *
   * @throws StoreUnavailableException when no provider supports it (naming the providers present),
   *     or when the one that does cannot open it
   */
  public StoreBackend open(String location, Map<String, String> options) {
    for (StoreProvider provider : providers) {
      if (provider.supports(location)) {
        return provider.open(location, options);
      }
    }
    List<String> names = new ArrayList<>();
    providers.forEach(p -> names.add(p.getClass().getName()));
    throw new StoreUnavailableException(
        "no store provider supports baton.store.location '"
            + location
            + "'; providers on the class path: "
            + names
            + ". Use 'mem:' for an in-memory store, or add baton-store-jdbc for 'h2:' and PostgreSQL.");
  }
}
