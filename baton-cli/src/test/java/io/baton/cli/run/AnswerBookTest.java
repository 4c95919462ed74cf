package io.baton.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnswerBookTest {
  private final AnswerBook book =
      new AnswerBook(Map.of("approve", "true", "fanout[1]/approve", "false", "note", "looks good"));

  private static Question question(String path) {
    return new Question("w", path, path.substring(path.lastIndexOf('/') + 1), "?", Map.of());
  }

  @Test
  void findsAnswersByPathThenByStepId() {
    assertThat(book.find(question("approve"))).contains(true);
    assertThat(book.find(question("fanout[0]/approve"))).contains(true);
    assertThat(book.find(question("fanout[1]/approve"))).contains(false);
    assertThat(book.find(question("note"))).contains("looks good");
    assertThat(book.find(question("other"))).isEmpty();
  }

  @Test
  void namesAnswersForStepsThatDoNotExist() {
    assertThat(book.unknown(Set.of("approve"))).containsExactly("note");
  }
}
