package io.baton.engine.runtime;

/**
 * What makes an engine one node of several sharing one database: who owns which run, where
 * handler-run steps go, and the node's own activity (heartbeats, take-overs, wake-ups), started
 * once the engine is built and stopped when it closes. Implemented by {@code baton-cluster}; an
 * engine without one is a lone node that owns every run and runs every handler itself.
 */
public interface ClusterMembership {

  /** Who owns which run. */
  RunOwnership ownership();

  /** Where handler-run steps go. */
  TaskDispatcher dispatcher();

  /** Starts the node's activity; {@code port} is how it reaches the engine's runs. */
  void start(NodePort port);

  /**
   * Leaves the cluster: stops taking work and hands the node's runs and unfinished steps back so
   * that the other nodes take them at once. Called before the engine stops.
   */
  void close();
}
