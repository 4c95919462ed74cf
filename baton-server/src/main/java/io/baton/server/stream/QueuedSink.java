package io.baton.server.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sink that never blocks its caller (the hub calls it on runs' decider threads): messages go to a
 * bounded queue that a virtual thread writes out. A client too slow to keep up is disconnected
 * rather than allowed to hold memory; it reconnects with its last offset and loses nothing.
 */
public abstract class QueuedSink implements StreamSink {
  private static final Logger LOG = LoggerFactory.getLogger(QueuedSink.class);
  private static final int CAPACITY = 10_000;
  private static final int MAX_BURST = 500;
  private static final StreamMessage END = new StreamMessage("", -1, null, null, null, null);

  /** Every open sink, so that a shutdown can end long-lived responses instead of waiting. */
  private static final Set<QueuedSink> OPEN = ConcurrentHashMap.newKeySet();

  private final LinkedBlockingQueue<StreamMessage> queue = new LinkedBlockingQueue<>(CAPACITY);
  private volatile boolean closed;

  /** Starts the writer thread. */
  protected QueuedSink(String name) {
    OPEN.add(this);
    Thread.ofVirtual().name(name).start(this::drain);
  }

  /** Closes every open sink (on shutdown: clients reconnect to another node, or later). */
  public static void closeAll() {
    OPEN.forEach(QueuedSink::close);
  }

  @Override
  public void send(StreamMessage message) {
    if (!closed && !queue.offer(message)) {
      LOG.info("{}: the client does not keep up; disconnecting it", this);
      close();
    }
  }

  @Override
  public boolean closed() {
    return closed;
  }

  /** Stops the writer and closes the connection. */
  public void close() {
    OPEN.remove(this);
    if (!closed) {
      closed = true;
      queue.clear();
      queue.offer(END);
    }
  }

  private void drain() {
    List<StreamMessage> burst = new ArrayList<>();
    try {
      while (true) {
        StreamMessage message = queue.take();
        if (message == END) {
          break;
        }
        if (!batches()) {
          write(message);
          continue;
        }
        burst.add(message);
        queue.drainTo(burst, MAX_BURST - 1);
        int end = burst.indexOf(END);
        boolean ending = end >= 0;
        write(ending ? burst.subList(0, end) : burst);
        burst.clear();
        if (ending) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.debug("{}: write failed, closing", this, e);
      closed = true;
    }
    disconnect();
  }

  /** Writes one message to the connection. */
  protected abstract void write(StreamMessage message) throws Exception;

  /**
   * Whether messages that are waiting together go out together ({@link #write(List)}); a client
   * catching up on a large run then gets a few frames instead of thousands.
   */
  protected boolean batches() {
    return false;
  }

  /** Writes messages that were waiting together; by default one by one. */
  protected void write(List<StreamMessage> messages) throws Exception {
    for (StreamMessage message : messages) {
      write(message);
    }
  }

  /** Closes the connection (called once, on the writer thread). */
  protected abstract void disconnect();
}
