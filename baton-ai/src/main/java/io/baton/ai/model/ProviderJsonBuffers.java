package io.baton.ai.model;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.util.RecyclerPool;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the JSON mappers of LangChain4j's provider modules share their buffers across threads.
 *
 * <p>Jackson 2 keeps its read and write buffers per thread by default. Every step runs on a new
 * virtual thread, so each model call allocated a fresh set — about 17 KB of char buffers for the
 * request's JSON and the answer's, most of what LangChain4j's mapping allocated per call (W7,
 * docs/benchmarks.md). A concurrent pool hands the same buffers to whichever thread needs them.
 * LangChain4j does not expose its mappers, so their static fields are read reflectively; a module
 * whose mapper is not found (absent, or renamed by a LangChain4j upgrade) keeps the default, which
 * is only slower.
 */
final class ProviderJsonBuffers {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderJsonBuffers.class);

  /** The classes holding the mappers of the provider modules Baton uses. */
  static final List<String> HOLDERS =
      List.of(
          "dev.langchain4j.model.openai.internal.Json",
          "dev.langchain4j.model.anthropic.internal.client.Json",
          "dev.langchain4j.model.googleai.Json",
          "dev.langchain4j.model.ollama.OllamaJsonUtils");

  private static final RecyclerPool<BufferRecycler> POOL =
      JsonRecyclerPools.sharedConcurrentDequePool();

  private static boolean pooled;

  private ProviderJsonBuffers() {}

  /** Puts the mappers of {@link #HOLDERS} on one shared buffer pool; once per process. */
  static synchronized void share() {
    if (!pooled) {
      HOLDERS.forEach(ProviderJsonBuffers::share);
      pooled = true;
    }
  }

  private static void share(String holder) {
    try {
      for (ObjectMapper mapper : mappers(Class.forName(holder))) {
        mapper.getFactory().setRecyclerPool(POOL);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.debug("the JSON mapper of {} keeps per-thread buffers: {}", holder, e.toString());
    }
  }

  /** The static {@link ObjectMapper} fields of {@code holder}. */
  static List<ObjectMapper> mappers(Class<?> holder) throws IllegalAccessException {
    List<ObjectMapper> found = new ArrayList<>();
    for (Field field : holder.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers())
          && ObjectMapper.class.isAssignableFrom(field.getType())) {
        field.setAccessible(true);
        found.add((ObjectMapper) field.get(null));
      }
    }
    return found;
  }

  /** The pool the mappers share. */
  static RecyclerPool<BufferRecycler> pool() {
    return POOL;
  }
}
