package io.baton.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.test.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  @Test
  void allowsTheBurstThenTheRate() {
    FakeClock clock = new FakeClock();
    RateLimiter limiter = new RateLimiter(clock, 10, 20);
    for (int i = 0; i < 20; i++) {
      assertThat(limiter.acquire("k")).isZero();
    }
    Duration wait = limiter.acquire("k");
    assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMillis(100));
    assertThat(limiter.acquire("other")).isZero();
    clock.advance(Duration.ofMillis(500));
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.acquire("k")).isZero();
    }
    assertThat(limiter.acquire("k")).isPositive();
  }

  @Test
  void zeroMeansNoLimit() {
    RateLimiter limiter = new RateLimiter(new FakeClock(), 0, 0);
    for (int i = 0; i < 10_000; i++) {
      assertThat(limiter.acquire("k")).isZero();
    }
  }
}
