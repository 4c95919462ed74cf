package io.baton.engine.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.baton.api.definition.Branch;
import io.baton.api.definition.CustomStep;
import io.baton.api.definition.EventWait;
import io.baton.api.definition.FallbackAction;
import io.baton.api.definition.ResourceRequest;
import io.baton.api.definition.RetryPolicy;
import io.baton.api.definition.StepCommon;
import io.baton.api.definition.StepDef;
import io.baton.api.definition.SwitchCase;
import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.definition.WorkflowPolicies;
import io.baton.engine.language.internal.CommonFieldsBinder;
import io.baton.engine.language.internal.StepBinder;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The published JSON Schema matches the model and the binder, so that they cannot drift apart. */
class WorkflowSchemaTest {
  /** Record components whose wire name differs from the component's name. */
  private static final Map<String, String> RENAMES =
      Map.of(
          "whenTrue", "then",
          "whenFalse", "else",
          "defaultNext", "default",
          "whileCondition", "while",
          "untilCondition", "until",
          "defaultValue", "default");

  private static final JsonNode SCHEMA =
      JsonMapper.builder().build().readTree(WorkflowSchema.text());
  private static final Schema VALIDATOR =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(SCHEMA);

  @Test
  void isAValidDraft202012Schema() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    Schema meta =
        registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    assertThat(meta.validate(SCHEMA)).isEmpty();
    assertThat(SCHEMA.path("$id").asString()).isEqualTo(WorkflowSchema.ID);
  }

  @Test
  void everyStepTypeOfTheSealedHierarchyHasADefinition() {
    for (Class<?> type : StepDef.class.getPermittedSubclasses()) {
      assertThat(definition(defName(type))).as("$defs/%s", defName(type)).isNotNull();
    }
  }

  @Test
  void everyComponentOfEveryStepRecordIsInTheSchemaUnderItsWireName() {
    for (Class<?> type : StepDef.class.getPermittedSubclasses()) {
      if (type == CustomStep.class) {
        continue; // its config is flattened: any field
      }
      assertThat(properties(defName(type)))
          .as("properties of $defs/%s", defName(type))
          .containsAll(wireNames(type, "common"));
    }
  }

  @Test
  void theCommonFieldsAndNestedRecordsAreInTheSchema() {
    assertThat(properties("common")).containsAll(wireNames(StepCommon.class));
    assertThat(properties("branch")).containsAll(wireNames(Branch.class));
    assertThat(properties("switchCase")).containsAll(wireNames(SwitchCase.class));
    assertThat(properties("eventWait")).containsAll(wireNames(EventWait.class));
    assertThat(properties("retry")).containsAll(wireNames(RetryPolicy.class));
    assertThat(properties("resource")).containsAll(wireNames(ResourceRequest.class));
    assertThat(properties("fallback")).containsAll(wireNames(FallbackAction.class));
    assertThat(properties("policies")).containsAll(wireNames(WorkflowPolicies.class));
    assertThat(names(SCHEMA.path("properties"))).containsAll(wireNames(WorkflowDefinition.class));
  }

  @Test
  void theSchemaDocumentsExactlyTheFieldsTheBinderAccepts() {
    assertThat(properties("common")).containsExactlyInAnyOrderElementsOf(CommonFieldsBinder.FIELDS);
    StepBinder.typeFields()
        .forEach(
            (type, fields) -> {
              List<String> expected = new ArrayList<>(fields);
              expected.add("type");
              assertThat(properties(type + "Step"))
                  .as(type)
                  .containsExactlyInAnyOrderElementsOf(expected);
            });
    assertThat(StepBinder.typeFields().keySet())
        .containsExactlyInAnyOrderElementsOf(LanguageContext.BUILT_IN_TYPES);
  }

  @Test
  void theDocsCopyEqualsTheResource() throws IOException {
    Optional<Path> docs =
        RepositoryFiles.root().map(root -> root.resolve("docs/workflow.schema.json"));
    assumeTrue(docs.isPresent(), "docs/workflow.schema.json is not reachable from here");
    assertThat(Files.readString(docs.get())).isEqualTo(WorkflowSchema.text());
  }

  @Test
  void theRichExampleAndItsExportValidate() throws Exception {
    Path file = Path.of(getClass().getResource("/native/everything.yaml").toURI());
    assertThat(errors(Files.readString(file))).isEmpty();
    LanguageContext context =
        LanguageContext.of(new FakeExpressions()).withStepType("agent", Map.of());
    WorkflowDefinition definition = new WorkflowLoader(context).load(file).orThrow();
    assertThat(errors(new WorkflowWriter().toYaml(definition))).isEmpty();
  }

  @Test
  void rejectsWhatTheLanguageRejects() {
    String twoWaits =
        """
        id: w
        steps:
          - {id: a, type: wait, duration: 5s, until: "${inputs.at}"}
          - {id: b, type: tool}
          - {id: c, type: tool, tool: t, tol: x}
        """;
    assertThat(errors(twoWaits))
        .anySatisfy(e -> assertThat(e.getInstanceLocation().toString()).contains("0"))
        .anySatisfy(e -> assertThat(e.getMessage()).contains("tool"))
        .anySatisfy(e -> assertThat(e.getMessage()).contains("tol"));
  }

  static Stream<Path> examples() throws IOException {
    Optional<Path> dir = RepositoryFiles.root().map(root -> root.resolve("examples"));
    if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
      return Stream.empty();
    }
    // each workflow is a file at the top; folders hold what examples use (agents, scripts, data)
    try (Stream<Path> files = Files.list(dir.get())) {
      return files
          .filter(p -> p.toString().matches(".*\\.(ya?ml|json)$"))
          .filter(p -> !p.toString().contains("seed")) // seed formats are imported, not native
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("examples")
  void everyExampleValidates(Path example) throws IOException {
    assertThat(errors(Files.readString(example))).as(example.toString()).isEmpty();
  }

  private static List<Error> errors(String yaml) {
    return VALIDATOR.validate(YAMLMapper.builder().build().readTree(yaml));
  }

  private static String defName(Class<?> type) {
    String simple = type.getSimpleName();
    return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
  }

  private static JsonNode definition(String name) {
    JsonNode node = SCHEMA.path("$defs").get(name);
    return node == null || node.isMissingNode() ? null : node;
  }

  private static List<String> properties(String def) {
    return names(SCHEMA.path("$defs").path(def).path("properties"));
  }

  private static List<String> names(JsonNode properties) {
    return new ArrayList<>(properties.propertyNames());
  }

  private static List<String> wireNames(Class<?> record, String... except) {
    return Arrays.stream(record.getRecordComponents())
        .map(RecordComponent::getName)
        .filter(name -> !Arrays.asList(except).contains(name))
        .map(name -> RENAMES.getOrDefault(name, name))
        .toList();
  }
}
