package io.baton.engine.language.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.engine.language.FakeExpressions;
import io.baton.engine.language.LanguageContext;
import io.baton.engine.language.LoadResult;
import io.baton.engine.language.WorkflowLoader;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConformanceSmokeTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "mplp-multi-agent-collaboration.json",
        "mplp-sequential.json",
        "mplp-parallel.json",
        "mplp-conditional.json",
        "iflow-full-stack-development.json"
      })
  void loads(String name) throws Exception {
    WorkflowLoader loader = new WorkflowLoader(LanguageContext.of(new FakeExpressions()));
    LoadResult r =
        loader.load(Path.of(getClass().getResource("/conformance/" + name).toURI()));
    System.out.println(name + " -> " + r.sourceFormat() + " " + r.diagnostics());
    System.out.println(r.definition());
    assertThat(r.diagnostics()).isEmpty();
  }
}
