package io.baton.server.workflow;

import io.baton.api.definition.WorkflowDefinition;
import io.baton.api.store.StoreBackend;
import io.baton.api.time.TimeSource;
import io.baton.engine.Baton;
import io.baton.engine.language.WorkflowWriter;
import io.baton.server.api.ApiError;
import io.baton.server.api.Page;
import io.baton.server.audit.AuditLog;
import io.baton.server.security.Caller;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Workflows per namespace with versions: every create or update adds a new immutable draft version
 * (numbered 1, 2, …, written into the definition's {@code version}), one of which may be published;
 * runs pin the version they start with. Every change is audited.
 */
@Service
public class WorkflowService {
  private static final WorkflowWriter WRITER = new WorkflowWriter();

  private final Baton baton;
  private final StoreBackend store;
  private final WorkflowCatalog catalog;
  private final AuditLog audit;
  private final TimeSource clock;
  private final org.springframework.beans.factory.ObjectProvider<WorkflowListener> listeners;

  WorkflowService(
      Baton baton,
      StoreBackend store,
      WorkflowCatalog catalog,
      AuditLog audit,
      TimeSource clock,
      org.springframework.beans.factory.ObjectProvider<WorkflowListener> listeners) {
    this.baton = baton;
    this.store = store;
    this.catalog = catalog;
    this.audit = audit;
    this.clock = clock;
    this.listeners = listeners;
  }

  /** Creates a workflow from a definition; its id must not be taken. */
  public WorkflowView create(Caller caller, DefinitionReader.Read read) {
    String id = read.definition().id();
    var existing = catalog.find(id);
    if (existing.isPresent() && !existing.get().deleted()) {
      throw new ApiError(
          org.springframework.http.HttpStatus.CONFLICT,
          "a workflow with id '" + id + "' exists already: update it with PUT",
          List.of(
              io.baton.server.api.ApiDiagnostic.error(
                  "duplicate-workflow-id", "the id '" + id + "' is taken", "/id")));
    }
    Instant now = clock.now();
    int version = existing.map(e -> e.latestVersion() + 1).orElse(1);
    Instant created = existing.map(WorkflowEntry::createdAt).orElse(now);
    WorkflowView view = saveVersion(caller, read, version, created, null);
    audit.record(caller, "workflow.create", "workflow", id, null, view);
    return view;
  }

  /** Adds a new draft version of workflow {@code id}. */
  public WorkflowView update(Caller caller, String id, DefinitionReader.Read read) {
    WorkflowEntry entry = entry(caller, id);
    if (!read.definition().id().equals(id)) {
      throw ApiError.badField(
          "/id",
          "id-mismatch",
          "the definition's id '"
              + read.definition().id()
              + "' is not the workflow's, '"
              + id
              + "'");
    }
    WorkflowView before = get(caller, id, null);
    WorkflowView view =
        saveVersion(
            caller, read, entry.latestVersion() + 1, entry.createdAt(), entry.publishedVersion());
    audit.record(caller, "workflow.update", "workflow", id, before, view);
    return view;
  }

  private WorkflowView saveVersion(
      Caller caller, DefinitionReader.Read read, int version, Instant created, Integer published) {
    WorkflowDefinition definition = withVersion(read.definition(), Integer.toString(version));
    listeners.orderedStream().forEach(l -> l.check(caller, definition));
    baton.register(definition);
    Instant now = clock.now();
    catalog.addVersion(definition.id(), version, read.sourceFormat(), caller.subject(), now);
    catalog.save(
        new WorkflowEntry(
            definition.id(),
            caller.namespace(),
            definition.name(),
            definition.description(),
            version,
            published,
            false,
            created,
            now));
    listeners.orderedStream().forEach(l -> l.saved(caller, definition));
    return view(
        catalog.find(definition.id()).orElseThrow(), definition, "draft", read.sourceFormat());
  }

  /** A version of the workflow ({@code null}: the latest). */
  public WorkflowView get(Caller caller, String id, String version) {
    WorkflowEntry entry = entry(caller, id);
    int v = version == null ? entry.latestVersion() : parseVersion(version);
    var status =
        catalog
            .version(id, v)
            .orElseThrow(() -> ApiError.notFound("version " + v + " of workflow", id));
    WorkflowDefinition definition = definition(id, v);
    return view(entry, definition, status.status(), status.sourceFormat());
  }

  /** The definition of a version, as the engine stores it. */
  public WorkflowDefinition definition(String id, int version) {
    return store
        .definitions()
        .find(id, Integer.toString(version))
        .orElseThrow(() -> ApiError.notFound("version " + version + " of workflow", id));
  }

  /** The version a run starts with: the one asked for, else the published one, else the latest. */
  public WorkflowDefinition runnable(Caller caller, String id, String version) {
    WorkflowEntry entry = entry(caller, id);
    if (version != null) {
      int v = parseVersion(version);
      if (catalog.version(id, v).isEmpty()) {
        throw ApiError.badField(
            "/version", "unknown-version", "workflow '" + id + "' has no version " + version);
      }
      return definition(id, v);
    }
    return definition(
        id, entry.publishedVersion() != null ? entry.publishedVersion() : entry.latestVersion());
  }

  /** Publishes a version: runs without an explicit version use it. */
  public WorkflowView publish(Caller caller, String id, String version) {
    WorkflowEntry entry = entry(caller, id);
    int v = version == null ? entry.latestVersion() : parseVersion(version);
    if (catalog.version(id, v).isEmpty()) {
      throw ApiError.badField(
          "/version", "unknown-version", "workflow '" + id + "' has no version " + version);
    }
    catalog.publish(id, v);
    catalog.save(
        new WorkflowEntry(
            id,
            entry.namespace(),
            entry.name(),
            entry.description(),
            entry.latestVersion(),
            v,
            false,
            entry.createdAt(),
            clock.now()));
    WorkflowView view = get(caller, id, Integer.toString(v));
    audit.record(caller, "workflow.publish", "workflow", id, null, view);
    return view;
  }

  /** Deletes a workflow; its versions stay in the store for the runs pinned to them. */
  public void delete(Caller caller, String id) {
    WorkflowEntry entry = entry(caller, id);
    WorkflowView before = get(caller, id, null);
    catalog.save(
        new WorkflowEntry(
            id,
            entry.namespace(),
            entry.name(),
            entry.description(),
            entry.latestVersion(),
            entry.publishedVersion(),
            true,
            entry.createdAt(),
            clock.now()));
    listeners.orderedStream().forEach(l -> l.deleted(caller, id));
    audit.record(caller, "workflow.delete", "workflow", id, before, null);
  }

  /** A page of the namespace's workflows. */
  public Page<WorkflowView.Summary> list(Caller caller, Page.Request page) {
    return catalog.list(caller.namespace(), page).map(WorkflowView.Summary::of);
  }

  /** A workflow's versions, newest first. */
  public List<WorkflowCatalog.VersionEntry> versions(Caller caller, String id) {
    entry(caller, id);
    return catalog.versions(id);
  }

  /** A version as YAML or JSON text. */
  public String export(Caller caller, String id, String version, boolean yaml) {
    WorkflowView view = get(caller, id, version);
    WorkflowDefinition definition = definition(id, parseVersion(view.version()));
    return yaml ? WRITER.toYaml(definition) : WRITER.toJson(definition);
  }

  /** The workflow if it exists in the caller's namespace and is not deleted. */
  WorkflowEntry entry(Caller caller, String id) {
    return catalog
        .find(id)
        .filter(e -> !e.deleted() && e.namespace().equals(caller.namespace()))
        .orElseThrow(() -> ApiError.notFound("workflow", id));
  }

  private static int parseVersion(String version) {
    try {
      return Integer.parseInt(version.trim());
    } catch (NumberFormatException e) {
      throw ApiError.badField(
          "/version", "invalid-version", "a version is a number (1, 2, …), was '" + version + "'");
    }
  }

  private static WorkflowView view(
      WorkflowEntry entry, WorkflowDefinition definition, String status, String format) {
    return new WorkflowView(
        definition.id(),
        definition.name(),
        definition.description(),
        definition.version(),
        status,
        format,
        WRITER.toTree(definition),
        entry.createdAt(),
        entry.updatedAt());
  }

  static WorkflowDefinition withVersion(WorkflowDefinition d, String version) {
    return new WorkflowDefinition(
        d.id(),
        version,
        d.name(),
        d.description(),
        d.inputs(),
        d.outputs(),
        d.steps(),
        d.policies(),
        d.expressionLanguage(),
        d.metadata());
  }
}
