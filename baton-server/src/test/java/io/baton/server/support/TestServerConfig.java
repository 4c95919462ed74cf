package io.baton.server.support;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.Tool;
import io.baton.test.FakeClock;
import java.time.Instant;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What every server test adds: a fake clock (engine timers, key expiry and alert windows move only
 * when a test advances it) and two tools, {@code echo} (returns its arguments) and {@code fail}
 * (fails with a non-retryable error).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestServerConfig {

  /** Primary: a server started by a test itself also declares the system clock. */
  @Bean
  @org.springframework.context.annotation.Primary
  FakeClock fakeClock() {
    return new FakeClock(Instant.parse("2030-01-01T00:00:00Z"));
  }

  @Bean
  Tool echo() {
    return Tool.of("echo", "Returns its arguments", Map.of(), (args, ctx) -> args);
  }

  @Bean
  Tool fail() {
    return Tool.of(
        "fail",
        "Always fails",
        Map.of(),
        (args, ctx) -> {
          throw new StepException(ErrorKind.BAD_INPUT, "fail was asked to fail");
        });
  }
}
