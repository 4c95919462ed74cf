package io.baton.ai.rag;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.List;

/**
 * Documents split into passages and embedded with LangChain4j's in-process embedding model
 * (all-MiniLM-L6-v2, quantized, run by ONNX Runtime inside the JVM: no service, no download), kept
 * in an in-memory embedding store and searched by similarity.
 */
public final class DocumentIndex {
  private static volatile EmbeddingModel sharedModel;

  private final EmbeddingModel model;
  private final InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();

  /** An empty index embedding with the shared in-process model. */
  public DocumentIndex() {
    this.model = model();
  }

  private static EmbeddingModel model() {
    if (sharedModel == null) {
      synchronized (DocumentIndex.class) {
        if (sharedModel == null) {
          // Loading the model takes about a second: one instance serves every index.
          sharedModel = new AllMiniLmL6V2QuantizedEmbeddingModel();
        }
      }
    }
    return sharedModel;
  }

  /**
   * Splits {@code text} into passages of about 400 characters and adds them under {@code source}.
   */
  public void ingest(String source, String text) {
    Document document = Document.from(text, Metadata.from("source", source));
    List<TextSegment> segments = DocumentSplitters.recursive(400, 40).split(document);
    List<Embedding> embeddings = model.embedAll(segments).content();
    store.addAll(embeddings, segments);
  }

  /** The {@code k} passages most similar to {@code query}, best first. */
  public List<Passage> search(String query, int k) {
    Embedding q = model.embed(query).content();
    List<EmbeddingMatch<TextSegment>> matches =
        store
            .search(EmbeddingSearchRequest.builder().queryEmbedding(q).maxResults(k).build())
            .matches();
    return matches.stream()
        .map(
            m ->
                new Passage(
                    m.embedded().metadata().getString("source"), m.embedded().text(), m.score()))
        .toList();
  }

  /**
   * A retrieved passage.
   *
   * @param source the document it comes from
   * @param text its text
   * @param score its similarity to the query, 0 to 1
   */
  public record Passage(String source, String text, double score) {}
}
