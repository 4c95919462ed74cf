package io.baton.server.engine;

import io.baton.engine.Baton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Once the context is up — every listener (streams, metrics, index) attached — reloads the runs
 * that had not ended when the store was last used, so that a restarted server carries them on.
 */
@Component
@Order(1)
public class EngineStartup implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(EngineStartup.class);
  private final Baton baton;

  EngineStartup(Baton baton) {
    this.baton = baton;
  }

  @Override
  public void run(ApplicationArguments args) {
    int recovered = baton.recover();
    if (recovered > 0) {
      LOG.info("recovered {} unfinished run(s) from the store", recovered);
    }
  }
}
