package io.baton.cli.runs;

import io.baton.api.store.StoreBackend;
import io.baton.api.store.StoreUnavailableException;
import io.baton.cli.ExitCodes;
import io.baton.cli.Terminal;
import java.util.concurrent.Callable;

/**
 * What the {@code runs} commands share: open the store, do the work, close it; an unreachable or
 * refused store exits {@link ExitCodes#STORE_UNAVAILABLE} with the store's own explanation, an
 * unknown location {@link ExitCodes#INVALID}.
 */
public abstract class StoreCommand implements Callable<Integer> {
  protected final Terminal terminal;

  protected StoreCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  /** The store to open. */
  abstract StoreOption store();

  /** The command's work on the open store; returns the exit code. */
  abstract int work(StoreBackend store) throws Exception;

  @Override
  public Integer call() throws Exception {
    StoreBackend store;
    try {
      store = StoreLocations.open(store().location(), store().options());
    } catch (IllegalArgumentException e) {
      terminal.err().println("baton: " + e.getMessage());
      return ExitCodes.INVALID;
    } catch (StoreUnavailableException e) {
      terminal.err().println("baton: " + e.getMessage());
      return ExitCodes.STORE_UNAVAILABLE;
    }
    try (store) {
      return work(store);
    } catch (StoreUnavailableException e) {
      terminal.err().println("baton: " + e.getMessage());
      return ExitCodes.STORE_UNAVAILABLE;
    }
  }
}
