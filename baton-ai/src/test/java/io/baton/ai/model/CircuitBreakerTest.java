package io.baton.ai.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.test.FakeClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
  private final FakeClock clock = new FakeClock();
  private final CircuitBreaker breaker =
      new CircuitBreaker(new CircuitBreaker.Settings(2, Duration.ofSeconds(30), 1), clock);

  @Test
  void aClosedBreakerLetsCallsThroughWithoutTakingItsLock() throws Exception {
    // every call of a provider passes its breaker; while closed they must not queue on one monitor
    synchronized (breaker) {
      CompletableFuture<Boolean> call =
          CompletableFuture.supplyAsync(
              () -> {
                boolean allowed = breaker.tryAcquire();
                breaker.onSuccess();
                return allowed;
              });
      assertThat(call.get(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void failuresInARowOpenItAndASuccessAfterTheTrialClosesIt() {
    breaker.onFailure();
    assertThat(breaker.tryAcquire()).isTrue();
    breaker.onSuccess();
    breaker.onFailure();
    assertThat(breaker.state())
        .as("the success reset the count")
        .isEqualTo(CircuitBreaker.State.CLOSED);

    breaker.onFailure();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breaker.tryAcquire()).isFalse();

    clock.advance(Duration.ofSeconds(30));
    assertThat(breaker.tryAcquire()).as("the one trial call").isTrue();
    assertThat(breaker.tryAcquire()).isFalse();
    breaker.onSuccess();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.tryAcquire()).isTrue();
  }
}
