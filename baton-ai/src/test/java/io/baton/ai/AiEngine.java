package io.baton.ai;

import io.baton.ai.model.OfflineScript;
import io.baton.ai.model.ProviderConfig;
import io.baton.api.run.RunView;
import io.baton.engine.Baton;
import io.baton.test.TestEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** A test engine with Baton's AI installed on the offline model, answering from a script. */
final class AiEngine implements AutoCloseable {
  final TestEngine engine;
  final BatonAi ai;

  private AiEngine(TestEngine engine, BatonAi ai) {
    this.engine = engine;
    this.ai = ai;
  }

  /** An engine whose offline model follows {@code script} (YAML text; null: no script). */
  static AiEngine offline(String script, Path dir) throws IOException {
    Path file = null;
    if (script != null) {
      file = dir.resolve("script.yaml");
      Files.writeString(file, script);
      OfflineScript.load(file); // fail early on a bad script
    }
    AiConfig config = AiConfig.of(ProviderConfig.offline("offline", file));
    AtomicReference<BatonAi> ai = new AtomicReference<>();
    TestEngine engine =
        TestEngine.create(
            b -> {
              ai.set(BatonAi.install(b, config, new AiEnvironment(null, null, null, dir)));
              return b;
            });
    ai.get().attach(engine.baton());
    return new AiEngine(engine, ai.get());
  }

  Baton baton() {
    return engine.baton();
  }

  RunView run(String yaml, Map<String, Object> inputs) {
    return baton()
        .start(baton().loader().parse(yaml, "test.yaml").orThrow(), inputs)
        .await(Duration.ofSeconds(30));
  }

  @Override
  public void close() {
    engine.close();
    ai.close();
  }
}
