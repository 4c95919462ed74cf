package io.baton.server.engine;

import io.baton.api.store.StoreBackend;
import io.baton.api.time.TimeSource;
import io.baton.cluster.ClusterNode;
import io.baton.cluster.ClusterOptions;
import io.baton.store.jdbc.JdbcStoreBackend;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the server one node of several sharing its PostgreSQL store ({@code baton-cluster}) when
 * {@code baton.cluster.enabled=true}; {@link EngineSetup} hands the node to the engine it builds.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterSetup.Settings.class)
@ConditionalOnProperty(prefix = "baton.cluster", name = "enabled", havingValue = "true")
public class ClusterSetup {

  /**
   * The settings under {@code baton.cluster}.
   *
   * @param enabled join a cluster (needs {@code baton.store.location=postgresql://…})
   * @param nodeId this node's id, unique among the nodes (default: the host name)
   * @param heartbeat how often the node heart-beats
   * @param leaseTtl how long a silent node keeps its runs and steps (at least two heartbeats)
   * @param executors how many queued steps the node runs at once (0: it only decides)
   */
  @ConfigurationProperties("baton.cluster")
  public record Settings(
      @DefaultValue("false") boolean enabled,
      String nodeId,
      @DefaultValue("1s") Duration heartbeat,
      @DefaultValue("5s") Duration leaseTtl,
      @DefaultValue("64") int executors) {}

  /** This node; the engine closes it (leaving the cluster) before the store closes. */
  @Bean
  ClusterNode clusterNode(StoreBackend store, Settings settings, TimeSource clock) {
    return join(store, settings, clock);
  }

  /**
   * A node on {@code store} with {@code settings}.
   *
   * @throws IllegalArgumentException when the store is not a PostgreSQL store
   */
  public static ClusterNode join(StoreBackend store, Settings settings, TimeSource clock) {
    if (!(store instanceof JdbcStoreBackend jdbc) || !store.describe().contains("postgresql")) {
      throw new IllegalArgumentException(
          "baton.cluster.enabled needs the nodes to share a PostgreSQL store"
              + " (baton.store.location=postgresql://USER@HOST:5432/DB); the store is "
              + store.describe());
    }
    ClusterOptions options =
        ClusterOptions.named(
                settings.nodeId() == null ? ClusterOptions.localHost() : settings.nodeId())
            .withTiming(settings.heartbeat(), settings.leaseTtl())
            .withExecutors(settings.executors());
    return ClusterNode.open(jdbc.dataSource(), options, clock);
  }
}
