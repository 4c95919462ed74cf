package io.baton.engine.language;

import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void run() throws Exception {
    var loader = new WorkflowLoader(LanguageContext.of(new FakeExpressions()).withStepType("agent", java.util.Map.of()));
    var r = loader.load(java.nio.file.Path.of(getClass().getResource("/native/everything.yaml").toURI()));
    String y = new WorkflowWriter().toYaml(r.definition());
    System.out.println(y);
    var again = loader.parse(y, "again.yaml");
    System.out.println(again.diagnostics());
    System.out.println(again.definition().equals(r.definition()));
    var j = loader.parse(new WorkflowWriter().toJson(r.definition()), "again.json");
    System.out.println(j.diagnostics() + " " + j.definition().equals(r.definition()));
  }
}
