package io.baton.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wake-ups between nodes over PostgreSQL's {@code LISTEN/NOTIFY} on one channel: {@code task} (a
 * step was queued: executors, look), {@code mail:NODE} (NODE has mail, step results or answers),
 * {@code cancel:NODE} (a step NODE runs was withdrawn by its run). Notifications are only hints —
 * the tables are the truth, and every heartbeat looks at them too — so one lost while the
 * connection was down costs a heartbeat of delay, nothing more.
 */
final class Notifications implements AutoCloseable {
  static final String CHANNEL = "baton_cluster";
  static final String TASK = "task";
  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
  private static final int WAIT_MILLIS = 500;

  private final DataSource dataSource;
  private final Consumer<String> onPayload;
  private volatile boolean closed;
  private Thread thread;

  Notifications(DataSource dataSource, Consumer<String> onPayload) {
    this.dataSource = dataSource;
    this.onPayload = onPayload;
  }

  static String mailFor(String nodeId) {
    return "mail:" + nodeId;
  }

  static String cancelFor(String nodeId) {
    return "cancel:" + nodeId;
  }

  /** Starts listening on a connection of its own (reconnecting when it breaks). */
  void start(String nodeId) {
    thread =
        Thread.ofPlatform().daemon().name("baton-cluster-listen-" + nodeId).start(this::listen);
  }

  private void listen() {
    while (!closed) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
          st.execute("LISTEN " + CHANNEL);
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        // after a reconnect, what was sent meanwhile is lost: look at the tables at once
        onPayload.accept(TASK);
        onPayload.accept("mail:*");
        while (!closed) {
          PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
          if (received != null) {
            for (PGNotification n : received) {
              onPayload.accept(n.getParameter());
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (!closed) {
          LOG.warn("cluster notifications interrupted ({}); listening again shortly", e.toString());
          pause();
        }
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true;
    if (thread != null) {
      try {
        thread.join(2 * WAIT_MILLIS + 1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
