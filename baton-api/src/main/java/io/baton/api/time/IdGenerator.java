package io.baton.api.time;

/** Makes ids for runs and waits. Injected, like time, so that tests get predictable ids. */
@FunctionalInterface
public interface IdGenerator {
  /** A new id, unique for the life of the store. */
  String newId();
}
