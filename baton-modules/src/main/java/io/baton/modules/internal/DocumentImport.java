package io.baton.modules.internal;

import io.baton.modules.mplp.MplpDocumentInvalidException;
import io.baton.modules.mplp.MplpSchemas;
import io.baton.modules.spi.Entities;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports an external MPLP document into the module store: parsed (from text or a JSON-like map),
 * without the top-level {@code $comment} the MPLP examples carry, checked against the module's
 * schema and invariants, and stored under its own id.
 */
public final class DocumentImport {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private DocumentImport() {}

  /**
   * Stores {@code json} as a document of {@code module}.
   *
   * @param ref the query column of the stored entity
   * @return the stored document
   * @throws MplpDocumentInvalidException listing each problem with its JSON pointer
   * @throws io.baton.modules.store.EntityConflictException when a document with its id is stored
   */
  public static Map<String, Object> importInto(
      Entities entities,
      String module,
      Object json,
      java.util.function.Function<Map<String, Object>, String> ref) {
    Map<String, Object> doc = document(module, json);
    MplpSchemas.check(module, doc);
    String id = (String) doc.get(module + "_id");
    return entities.create(module, id, ref.apply(doc), doc);
  }

  /** The document as a mutable map, without its top-level {@code $comment}. */
  static Map<String, Object> document(String module, Object json) {
    Map<String, Object> doc;
    try {
      doc =
          switch (json) {
            case String text -> JSON.readValue(text, OBJECT);
            case Map<?, ?> map -> JSON.convertValue(map, OBJECT);
            case null -> throw invalid(module, "there is no document (null)");
            default ->
                throw invalid(
                    module,
                    "expected a JSON object (text or map), found "
                        + json.getClass().getSimpleName());
          };
    } catch (JacksonException e) {
      throw invalid(module, "not a JSON object: " + e.getOriginalMessage() + location(e));
    }
    if (doc == null) {
      throw invalid(module, "expected a JSON object, found null");
    }
    Map<String, Object> out = new LinkedHashMap<>(doc);
    out.remove("$comment");
    return out;
  }

  private static String location(JacksonException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }

  private static MplpDocumentInvalidException invalid(String module, String problem) {
    return new MplpDocumentInvalidException(module, List.of("/: " + problem));
  }
}
