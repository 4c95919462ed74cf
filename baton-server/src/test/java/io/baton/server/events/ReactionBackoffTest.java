package io.baton.server.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The delays of event reactions' retries: doubling, capped, jittered from a seeded source. */
class ReactionBackoffTest {
  private static final Duration SECOND = Duration.ofSeconds(1);

  private static List<Duration> delays(long seed, int n) {
    ReactionBackoff backoff = new ReactionBackoff(SECOND, Duration.ofSeconds(30), seed);
    List<Duration> out = new ArrayList<>();
    for (int attempt = 1; attempt <= n; attempt++) {
      out.add(backoff.delay(attempt));
    }
    return out;
  }

  @Test
  void eachDelayIsBetweenHalfAndAllOfTheDoubledOneAndTheCapHolds() {
    List<Duration> delays = delays(42, 8);
    long full = 1000;
    for (Duration d : delays) {
      long capped = Math.min(full, 30_000);
      assertThat(d.toMillis()).isBetween(capped / 2, capped);
      full *= 2;
    }
    assertThat(delays.get(7).toMillis()).isBetween(15_000L, 30_000L);
    assertThat(new ReactionBackoff(SECOND, Duration.ofSeconds(30), 1).delay(1_000).toMillis())
        .as("no overflow however many attempts")
        .isBetween(15_000L, 30_000L);
  }

  @Test
  void theSameSeedGivesTheSameDelaysAndAnotherSeedOthers() {
    assertThat(delays(7, 10)).isEqualTo(delays(7, 10));
    assertThat(delays(7, 10)).isNotEqualTo(delays(8, 10));
  }

  @Test
  void settingsThatCannotWorkAreRefusedWithTheirNames() {
    assertThatThrownBy(() -> new ReactionBackoff(Duration.ZERO, SECOND, 1))
        .hasMessageContaining("initial-delay must be positive");
    assertThatThrownBy(() -> new ReactionBackoff(Duration.ofSeconds(5), SECOND, 1))
        .hasMessageContaining("max-delay at least as long");
  }
}
