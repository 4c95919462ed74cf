package io.baton.server.workflow;

import io.baton.engine.language.LoadResult;
import io.baton.server.api.ApiDiagnostic;
import io.baton.server.api.ApiError;
import io.baton.server.api.Page;
import io.baton.server.security.Caller;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/workflows}: the seed 002 table (list, create, get, update, delete) plus versions,
 * publishing, export and validation. Bodies are definitions as text: JSON or YAML, Baton's language
 * or one of the seed formats.
 */
@RestController
@RequestMapping("/api/v1/workflows")
public class WorkflowController {
  private final WorkflowService workflows;
  private final DefinitionReader reader;

  WorkflowController(WorkflowService workflows, DefinitionReader reader) {
    this.workflows = workflows;
    this.reader = reader;
  }

  /** The namespace's workflows, a page at a time. */
  @GetMapping
  public Page<WorkflowView.Summary> list(
      Caller caller,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(name = "page_size", defaultValue = "20") int pageSize) {
    return workflows.list(caller, Page.Request.of(page, pageSize));
  }

  /** Creates a workflow (version 1, a draft). */
  @PostMapping
  public ResponseEntity<WorkflowView> create(
      Caller caller,
      @RequestBody(required = false) String body,
      @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
    WorkflowView view = workflows.create(caller, reader.definition(body, contentType));
    return ResponseEntity.created(URI.create("/api/v1/workflows/" + view.id())).body(view);
  }

  /** Checks a definition without saving it: every diagnostic, with JSON pointers. */
  @PostMapping("/validate")
  public Map<String, Object> validate(
      @RequestBody(required = false) String body,
      @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
    LoadResult result = reader.read(body, contentType);
    List<ApiDiagnostic> diagnostics = result.diagnostics().stream().map(ApiDiagnostic::of).toList();
    return Map.of(
        "valid", !result.hasErrors(),
        "diagnostics", diagnostics,
        "sourceFormat", String.valueOf(result.sourceFormat()));
  }

  /** The latest version, or {@code ?version=}. */
  @GetMapping("/{id}")
  public WorkflowView get(
      Caller caller, @PathVariable String id, @RequestParam(required = false) String version) {
    return workflows.get(caller, id, version);
  }

  /** Adds a new draft version. */
  @PutMapping("/{id}")
  public WorkflowView update(
      Caller caller,
      @PathVariable String id,
      @RequestBody(required = false) String body,
      @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
    return workflows.update(caller, id, reader.definition(body, contentType));
  }

  /** Deletes the workflow (its runs stay). */
  @DeleteMapping("/{id}")
  public ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
    workflows.delete(caller, id);
    return ResponseEntity.noContent().build();
  }

  /** The versions, newest first. */
  @GetMapping("/{id}/versions")
  public List<WorkflowCatalog.VersionEntry> versions(Caller caller, @PathVariable String id) {
    return workflows.versions(caller, id);
  }

  /** Publishes {@code {version}} (default: the latest). */
  @PostMapping("/{id}/publish")
  public WorkflowView publish(
      Caller caller,
      @PathVariable String id,
      @RequestBody(required = false) Map<String, Object> body) {
    Object version = body == null ? null : body.get("version");
    return workflows.publish(caller, id, version == null ? null : version.toString());
  }

  /** The definition as text: {@code ?format=yaml} (default) or {@code json}. */
  @GetMapping("/{id}/export")
  public ResponseEntity<String> export(
      Caller caller,
      @PathVariable String id,
      @RequestParam(required = false) String version,
      @RequestParam(defaultValue = "yaml") String format) {
    boolean yaml =
        switch (format) {
          case "yaml", "yml" -> true;
          case "json" -> false;
          default ->
              throw ApiError.badField(
                  "/format", "invalid-format", "format is yaml or json, was '" + format + "'");
        };
    return ResponseEntity.ok()
        .contentType(
            yaml ? MediaType.parseMediaType("application/yaml") : MediaType.APPLICATION_JSON)
        .body(workflows.export(caller, id, version, yaml));
  }
}
