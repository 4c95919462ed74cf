package io.baton.modules.internal;

import io.baton.modules.ModuleState;
import io.baton.modules.ModuleStatus;
import io.baton.modules.spi.MplpModule;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A module on the hub: the module, its lifecycle state, configuration and call counters. */
public final class ModuleSlot {
  private final MplpModule module;
  private volatile ModuleState state = ModuleState.REGISTERED;
  private volatile Map<String, Object> config = Map.of();
  private volatile String lastError;
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  public ModuleSlot(MplpModule module) {
    this.module = module;
  }

  public MplpModule module() {
    return module;
  }

  public ModuleState state() {
    return state;
  }

  public void state(ModuleState state) {
    this.state = state;
  }

  /** Applies a configuration; on a refusal the module is FAILED with the reason. */
  public void configure(Map<String, Object> newConfig) {
    try {
      module.configure(newConfig);
      config = Map.copyOf(newConfig);
    } catch (IllegalArgumentException e) {
      failed(e.getMessage());
      throw e;
    }
  }

  public void failed(String error) {
    lastError = error;
    state = ModuleState.FAILED;
  }

  /** Counts a call, and a failure when {@code error} is not null. */
  public void counted(String error) {
    calls.incrementAndGet();
    if (error != null) {
      failures.incrementAndGet();
      lastError = error;
    }
  }

  public ModuleStatus status() {
    return new ModuleStatus(
        module.name(),
        module.version(),
        module.description(),
        state,
        List.copyOf(module.operations().keySet()),
        module.dependencies(),
        config,
        calls.get(),
        failures.get(),
        lastError);
  }
}
