package io.baton.engine.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {
  @Test
  void aDatabaseThatGaveNoConnectionInTimeIsUnavailableAndRetryable() {
    StepFailure f =
        FailureClassifier.classify(
            new SQLTransientConnectionException("Connection is not available"));

    assertThat(f.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(f.retryable()).isTrue();
    assertThat(f.message()).isEqualTo("Connection is not available");
  }

  @Test
  void aWrappedCauseIsClassifiedByTheCause() {
    StepFailure f =
        FailureClassifier.classify(
            new RuntimeException("fetch failed", new ConnectException("refused")));

    assertThat(f.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(f.retryable()).isTrue();
    assertThat(f.message()).isEqualTo("fetch failed");
    assertThat(f.details()).containsEntry("exception", RuntimeException.class.getName());
  }

  @Test
  void theOutermostKnownKindWins() {
    StepFailure f =
        FailureClassifier.classify(
            new IllegalArgumentException("bad id", new UncheckedIOException(new IOException())));

    assertThat(f.kind()).isEqualTo(ErrorKind.BAD_INPUT);
    assertThat(f.retryable()).isFalse();
  }

  @Test
  void anErrorOfNoKnownKindIsUnknownAndRetryableLikeEveryUnknown() {
    StepFailure f = FailureClassifier.classify(new SQLException("syntax error"));

    assertThat(f.kind()).isEqualTo(ErrorKind.UNKNOWN);
    assertThat(f.retryable()).isTrue();
  }

  @Test
  void aCycleOfCausesEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);

    assertThat(FailureClassifier.classify(a).kind()).isEqualTo(ErrorKind.UNKNOWN);
  }
}
