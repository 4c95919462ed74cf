package io.baton.engine.runtime;

/** The operations that control a run from outside. */
public enum ControlOp {
  PAUSE,
  RESUME,
  CANCEL,
  RETRY
}
