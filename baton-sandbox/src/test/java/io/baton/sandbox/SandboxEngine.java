package io.baton.sandbox;

import io.baton.ai.AiConfig;
import io.baton.ai.AiEnvironment;
import io.baton.ai.BatonAi;
import io.baton.ai.model.ProviderConfig;
import io.baton.api.run.JournalEntry;
import io.baton.api.run.RunView;
import io.baton.api.spi.RunListener;
import io.baton.engine.Baton;
import io.baton.test.TestEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A test engine with Baton's AI (the offline model, answering from a script) and the GraalJS
 * sandbox found on the class path, as the CLI and the server have them; it keeps the steps' log
 * lines.
 */
final class SandboxEngine implements AutoCloseable {
  final TestEngine engine;
  final BatonAi ai;
  final List<String> logs;

  private SandboxEngine(TestEngine engine, BatonAi ai, List<String> logs) {
    this.engine = engine;
    this.ai = ai;
    this.logs = logs;
  }

  /** An engine whose offline model follows {@code script} (YAML text; null: no script). */
  static SandboxEngine offline(String script, Path dir) throws IOException {
    Path file = null;
    if (script != null) {
      file = dir.resolve("script.yaml");
      Files.writeString(file, script);
    }
    AiConfig config = AiConfig.of(ProviderConfig.offline("offline", file));
    AtomicReference<BatonAi> ai = new AtomicReference<>();
    List<String> logs = new CopyOnWriteArrayList<>();
    TestEngine engine =
        TestEngine.create(
            b -> {
              ai.set(BatonAi.install(b, config, new AiEnvironment(null, null, null, dir)));
              return b.listener(
                  new RunListener() {
                    @Override
                    public void onEvent(JournalEntry entry) {}

                    @Override
                    public void onStepEmit(String runId, String path, String type, Object data) {
                      if ("log".equals(type)) {
                        logs.add(path + ": " + data);
                      }
                    }
                  });
            });
    ai.get().attach(engine.baton());
    return new SandboxEngine(engine, ai.get(), logs);
  }

  Baton baton() {
    return engine.baton();
  }

  RunView run(String yaml, Map<String, Object> inputs) {
    return baton()
        .start(baton().loader().parse(yaml, "test.yaml").orThrow(), inputs)
        .await(Duration.ofSeconds(60));
  }

  @Override
  public void close() {
    engine.close();
    ai.close();
  }
}
