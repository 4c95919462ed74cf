package io.baton.engine.expression.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {
  @Test
  void loadsOnceAndStaysWithinItsBound() {
    BoundedCache<Integer, String> cache = new BoundedCache<>(16);
    AtomicInteger loads = new AtomicInteger();
    assertThat(cache.get(1, k -> "v" + loads.incrementAndGet())).isEqualTo("v1");
    assertThat(cache.get(1, k -> "v" + loads.incrementAndGet())).isEqualTo("v1");
    for (int i = 0; i < 1000; i++) {
      assertThat(cache.get(i, k -> "x" + k)).isIn("x" + i, "v1");
    }
    assertThat(cache.size()).isLessThanOrEqualTo(16);
  }
}
