package io.baton.cluster;

import org.slf4j.Logger;

/**
 * A loop on a virtual thread that does a round of work each time it is kicked, and survives the
 * database going away (the next kick tries again).
 */
final class Worker {
  private final String name;
  private final Runnable round;
  private final Logger log;
  private final Signal signal = new Signal();
  private volatile boolean closed;
  private Thread thread;

  Worker(String name, Runnable round, Logger log) {
    this.name = name;
    this.round = round;
    this.log = log;
  }

  void start() {
    thread = Thread.ofVirtual().name(name).start(this::loop);
  }

  void kick() {
    signal.kick();
  }

  private void loop() {
    while (!closed) {
      try {
        signal.await();
      } catch (InterruptedException e) {
        return;
      }
      if (closed) {
        return;
      }
      try {
        round.run();
      } catch (RuntimeException e) {
        log.warn("{}: {} (tried again at the next heartbeat)", name, e.toString());
      }
    }
  }

  void close() {
    closed = true;
    signal.kick(); // not an interrupt: it would break a database connection in use
  }
}
