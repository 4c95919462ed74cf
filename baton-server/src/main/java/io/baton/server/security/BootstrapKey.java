package io.baton.server.security;

import io.baton.server.config.BatonProperties;
import java.io.PrintStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start (no key exists yet) creates the first admin key: {@code BATON_BOOTSTRAP_KEY}
 * when set, otherwise a new one printed once on standard output — never to the log, which may be
 * shipped elsewhere.
 */
@Component
@Order(0)
public class BootstrapKey implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(BootstrapKey.class);
  private final ApiKeyStore keys;
  private final BatonProperties properties;
  private final PrintStream out;

  /** Prints to standard output. */
  @Autowired
  public BootstrapKey(ApiKeyStore keys, BatonProperties properties) {
    this(keys, properties, System.out);
  }

  BootstrapKey(ApiKeyStore keys, BatonProperties properties, PrintStream out) {
    this.keys = keys;
    this.properties = properties;
    this.out = out;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (keys.count() > 0) {
      return;
    }
    String given = properties.bootstrapKey();
    if (given != null && !given.isBlank()) {
      keys.bootstrap(given.trim());
      LOG.info("bootstrap admin key stored from BATON_BOOTSTRAP_KEY");
      return;
    }
    var created =
        keys.create(
            "bootstrap admin key", Grants.parse(java.util.List.of("*:admin")), null, "bootstrap");
    out.println();
    out.println("==========================================================================");
    out.println(" Baton: first start. The admin API key (shown once, store it now):");
    out.println("   " + created.secret());
    out.println(" Use it as the X-API-Key header; create more keys with POST /api/v1/auth/keys.");
    out.println("==========================================================================");
    out.println();
    LOG.info(
        "bootstrap admin key {} created and printed on standard output", created.key().keyId());
  }
}
