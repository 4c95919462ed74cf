package io.baton.modules;

/** Where a module is in its lifecycle on the hub. */
public enum ModuleState {
  /** Registered and configured, not started: its operations refuse calls. */
  REGISTERED,
  /** Serving calls. */
  RUNNING,
  /** Stopped by an operator: its operations refuse calls until it is started again. */
  STOPPED,
  /** Its configuration or start failed; see the status's last error. */
  FAILED
}
