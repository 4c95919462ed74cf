package io.baton.modules;

import io.baton.api.time.IdGenerator;
import io.baton.api.time.TimeSource;
import io.baton.modules.collab.CollabModule;
import io.baton.modules.confirm.ConfirmModule;
import io.baton.modules.context.ContextModule;
import io.baton.modules.core.CoreModule;
import io.baton.modules.dialog.DialogModule;
import io.baton.modules.extension.ExtensionModule;
import io.baton.modules.network.NetworkModule;
import io.baton.modules.plan.PlanModule;
import io.baton.modules.role.RoleModule;
import io.baton.modules.spi.MplpModule;
import io.baton.modules.store.ModuleEntityStore;
import io.baton.modules.trace.TraceModule;
import java.util.List;

/**
 * The ten MPLP coordination modules, in the order of the MPLP specification.
 *
 * <pre>{@code
 * ModuleHub hub = StandardModules.hub(new InMemoryModuleEntityStore(clock), clock, new RandomIdGenerator());
 * }</pre>
 */
public final class StandardModules {
  private StandardModules() {}

  /** New instances of the ten modules. */
  public static List<MplpModule> all() {
    return List.of(
        new ContextModule(),
        new PlanModule(),
        new RoleModule(),
        new ConfirmModule(),
        new TraceModule(),
        new ExtensionModule(),
        new DialogModule(),
        new CollabModule(),
        new CoreModule(),
        new NetworkModule());
  }

  /** A hub with the ten modules registered and started. */
  public static ModuleHub hub(ModuleEntityStore store, TimeSource clock, IdGenerator ids) {
    ModuleHub hub = new ModuleHub(store, clock, ids);
    all().forEach(hub::register);
    all().forEach(m -> hub.start(m.name()));
    return hub;
  }
}
