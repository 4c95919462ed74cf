package io.baton.server.degradation;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.baton.ai.BatonAi;
import io.baton.ai.model.CircuitBreaker;
import io.baton.ai.model.Providers;
import io.baton.api.store.RunQuery;
import io.baton.api.store.StoreBackend;
import io.baton.server.observability.RunMetrics;
import io.baton.store.jdbc.JdbcStoreBackend;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the signals the degradation level is decided from: the run store's connection pool (every
 * connection taken) and whether it answers, each model provider's circuit breaker, the ready-step
 * backlog.
 */
@Component
public class DegradationProbe {
  private final StoreBackend store;
  private final BatonAi ai;
  private final RunMetrics metrics;
  private final long queueLimit;

  DegradationProbe(
      StoreBackend store,
      BatonAi ai,
      RunMetrics metrics,
      @Value("${baton.degradation.queue-limit:10000}") long queueLimit) {
    this.store = store;
    this.ai = ai;
    this.metrics = metrics;
    this.queueLimit = queueLimit;
  }

  /** The signals now. */
  public DegradationSignals read() {
    List<String> providers =
        ai.models().providers().all().keySet().stream()
            .filter(name -> !name.equals(Providers.OFFLINE))
            .toList();
    List<String> open =
        providers.stream()
            .filter(name -> ai.models().breaker(name).state() != CircuitBreaker.State.CLOSED)
            .toList();
    return new DegradationSignals(
        storeProblem(), open, providers.size(), metrics.queued(), queueLimit);
  }

  private String storeProblem() {
    if (store instanceof JdbcStoreBackend jdbc
        && jdbc.dataSource() instanceof HikariDataSource pool) {
      HikariPoolMXBean bean = pool.getHikariPoolMXBean();
      // checked first: with every connection taken, a probe query would wait for the pool's timeout
      if (bean != null
          && bean.getIdleConnections() == 0
          && bean.getActiveConnections() >= pool.getMaximumPoolSize()) {
        return "every connection of the store's pool ("
            + pool.getMaximumPoolSize()
            + ") is in use, "
            + bean.getThreadsAwaitingConnection()
            + " thread(s) waiting";
      }
    }
    try {
      store.runs().list(RunQuery.all(1));
      return null;
    } catch (RuntimeException e) {
      return "the store " + store.describe() + " does not answer: " + e.getMessage();
    }
  }
}
