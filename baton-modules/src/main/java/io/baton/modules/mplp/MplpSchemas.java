package io.baton.modules.mplp;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MPLP v1.0 frozen JSON Schemas of the ten modules (draft-07, shipped in this jar under {@code
 * mplp/v2/}, Apache-2.0), and validation of documents against them with formats asserted ({@code
 * date-time}, UUID v4 patterns).
 *
 * <pre>{@code
 * List<String> problems = MplpSchemas.problems("context", document);  // ["/status: does not have a value in the enumeration ..."]
 * }</pre>
 */
public final class MplpSchemas {
  /** The base IRI of the schemas' {@code $id}s, mapped onto the copies in this jar. */
  public static final String BASE_IRI = "https://schemas.mplp.dev/v1.0/";

  /** The modules that have a schema, in the order of the MPLP specification. */
  public static final List<String> MODULES =
      List.of(
          "context",
          "plan",
          "role",
          "confirm",
          "trace",
          "extension",
          "dialog",
          "collab",
          "core",
          "network");

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_7,
          b ->
              b.schemaIdResolvers(r -> r.mapPrefix(BASE_IRI, "classpath:mplp/v2/"))
                  .schemaRegistryConfig(
                      SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private MplpSchemas() {}

  /**
   * The problems of {@code document} against the schema of {@code module}, each as {@code "<JSON
   * pointer>: <message>"}; empty when it conforms.
   *
   * @throws IllegalArgumentException when {@code module} is not one of {@link #MODULES}
   */
  public static List<String> problems(String module, Object document) {
    JsonNode node = MAPPER.valueToTree(document);
    return schema(module).validate(node).stream().map(MplpSchemas::describe).toList();
  }

  /**
   * Checks a document a module is about to store (or that is imported): its schema, then the
   * invariants of {@link MplpInvariants}.
   *
   * @throws MplpDocumentInvalidException listing every problem, when it does not conform
   */
  public static void check(String module, Map<String, Object> document) {
    List<String> problems = new java.util.ArrayList<>(problems(module, document));
    problems.addAll(MplpInvariants.problems(module, document));
    if (!problems.isEmpty()) {
      throw new MplpDocumentInvalidException(module, problems);
    }
  }

  private static Schema schema(String module) {
    if (!MODULES.contains(module)) {
      throw new IllegalArgumentException(
          "no MPLP schema for '" + module + "'; the modules with schemas are " + MODULES);
    }
    return SCHEMAS.computeIfAbsent(
        module,
        m -> REGISTRY.getSchema(SchemaLocation.of(BASE_IRI + "mplp-" + m + ".schema.json")));
  }

  private static String describe(Error error) {
    String where = error.getInstanceLocation().toString();
    String pointer = where.startsWith("$") ? where.substring(1).replace('.', '/') : where;
    return (pointer.isEmpty() ? "/" : pointer) + ": " + error.getMessage();
  }
}
