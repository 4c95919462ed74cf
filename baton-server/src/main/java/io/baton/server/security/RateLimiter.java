package io.baton.server.security;

import io.baton.api.time.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per caller: {@code rate} requests per second sustained, {@code burst} at once.
 * Time comes from the server's clock, so tests drive it.
 */
public final class RateLimiter {
  private final TimeSource clock;
  private final double rate;
  private final double burst;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * @param rate requests per second (0: no limit)
   * @param burst the bucket's size
   */
  public RateLimiter(TimeSource clock, int rate, int burst) {
    this.clock = clock;
    this.rate = rate;
    this.burst = Math.max(burst, rate);
  }

  /**
   * Takes one request from {@code caller}'s bucket.
   *
   * @return {@link Duration#ZERO} when allowed, otherwise how long until a request would be
   */
  public Duration acquire(String caller) {
    if (rate <= 0) {
      return Duration.ZERO;
    }
    Bucket bucket = buckets.computeIfAbsent(caller, c -> new Bucket(burst, clock.now()));
    synchronized (bucket) {
      Instant now = clock.now();
      double elapsed = Math.max(0, Duration.between(bucket.refilled, now).toNanos() / 1e9);
      bucket.tokens = Math.min(burst, bucket.tokens + elapsed * rate);
      bucket.refilled = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return Duration.ZERO;
      }
      return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / rate * 1e9));
    }
  }

  private static final class Bucket {
    double tokens;
    Instant refilled;

    Bucket(double tokens, Instant refilled) {
      this.tokens = tokens;
      this.refilled = refilled;
    }
  }
}
