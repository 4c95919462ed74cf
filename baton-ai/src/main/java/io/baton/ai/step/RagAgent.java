package io.baton.ai.step;

import io.baton.ai.agent.AgentDefinition;
import io.baton.ai.agent.AgentOutcome;
import io.baton.ai.agent.AgentRunner;
import io.baton.ai.agent.AgentTask;
import io.baton.ai.rag.DocumentIndex;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.StepContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code rag}: ingests the agent's documents ({@code options.documents}: texts {@code {source,
 * text}} or file paths) into an embedding store, retrieves the passages nearest the request ({@code
 * options.topK}, default 4), and has the agent answer from them citing {@code [n]}. The output
 * lists the citations.
 */
public final class RagAgent implements AgentBehaviour {
  private final AgentRunner runner;
  private final Path workDirectory;
  private final Map<String, DocumentIndex> indexes = new ConcurrentHashMap<>();

  /**
   * @param runner answers
   * @param workDirectory where relative document paths resolve
   */
  public RagAgent(AgentRunner runner, Path workDirectory) {
    this.runner = runner;
    this.workDirectory = workDirectory;
  }

  @Override
  public Object perform(AgentDefinition agent, AgentTask task, StepContext context) {
    List<Map<String, Object>> documents = documents(agent);
    DocumentIndex index =
        indexes.computeIfAbsent(
            agent.name() + "@" + agent.version() + "#" + documents.hashCode(),
            k -> {
              DocumentIndex fresh = new DocumentIndex();
              documents.forEach(
                  d -> fresh.ingest(d.get("source").toString(), d.get("text").toString()));
              return fresh;
            });
    int k = agent.options().get("topK") instanceof Number n ? n.intValue() : 4;
    List<DocumentIndex.Passage> passages = index.search(task.prompt(), k);
    StringBuilder prompt =
        new StringBuilder("Answer from these passages only, citing them as [n]:\n");
    List<Map<String, Object>> citations = new ArrayList<>();
    for (int i = 0; i < passages.size(); i++) {
      DocumentIndex.Passage p = passages.get(i);
      prompt
          .append('[')
          .append(i + 1)
          .append("] (")
          .append(p.source())
          .append(") ")
          .append(p.text())
          .append('\n');
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("n", i + 1);
      c.put("source", p.source());
      c.put("text", p.text());
      c.put("score", Math.round(p.score() * 1000) / 1000d);
      citations.add(c);
    }
    prompt.append("\nQuestion: ").append(task.prompt());
    AgentOutcome outcome = runner.run(agent, task.withPrompt(prompt.toString()), context);
    Map<String, Object> out = new LinkedHashMap<>(outcome.toOutput());
    out.put("citations", citations);
    return out;
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> documents(AgentDefinition agent) {
    if (!(agent.options().get("documents") instanceof List<?> list) || list.isEmpty()) {
      throw new StepException(
          ErrorKind.BAD_INPUT,
          "rag agent '"
              + agent.name()
              + "' has no documents: set options.documents to texts"
              + " ({source, text}) or file paths");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object item : list) {
      if (item instanceof Map<?, ?> m) {
        out.add((Map<String, Object>) m);
      } else {
        Path file = workDirectory.resolve(item.toString());
        try {
          out.add(Map.of("source", item.toString(), "text", Files.readString(file)));
        } catch (IOException e) {
          throw new StepException(
              ErrorKind.NOT_FOUND,
              "rag agent '" + agent.name() + "': cannot read " + file + ": " + e.getMessage());
        }
      }
    }
    return out;
  }
}
