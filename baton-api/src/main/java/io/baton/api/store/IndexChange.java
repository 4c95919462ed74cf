package io.baton.api.store;

/**
 * A change to the indexes a run keeps beside its journal — the open waits ({@link WaitStore}) and
 * the durable timers ({@link TimerStore}) — written with the events that call for it (see {@link
 * RunCommit}).
 */
public sealed interface IndexChange {

  /** A suspended step is indexed; harmless if it is there. */
  record WaitAdded(WaitRecord record) implements IndexChange {}

  /** A wait is answered or cancelled; harmless if it is gone. */
  record WaitRemoved(String waitId) implements IndexChange {}

  /** A timer is set, replacing one with the same id. */
  record TimerScheduled(TimerRecord timer) implements IndexChange {}

  /** A timer is cancelled; harmless if it is gone. */
  record TimerCancelled(String timerId) implements IndexChange {}
}
