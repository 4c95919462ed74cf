package io.baton.engine.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema (draft 2020-12) of Baton's own workflow language, for editors (completion, inline
 * errors) and for generating the UI's types. The loader does not need it: its own checks give
 * better messages.
 *
 * <pre>{@code
 * String schema = WorkflowSchema.text(); // serve it at /schemas/workflow.schema.json
 * }</pre>
 */
public final class WorkflowSchema {

  /** The classpath resource holding the schema. */
  public static final String RESOURCE = "/io/baton/engine/language/workflow.schema.json";

  /** The schema's {@code $id}. */
  public static final String ID = "https://baton.io/schemas/workflow.schema.json";

  private WorkflowSchema() {}

  /** The schema's text. */
  public static String text() {
    try (InputStream in = WorkflowSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
