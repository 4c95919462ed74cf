package io.baton.modules.extension;

import static io.baton.modules.spi.Call.fields;

import io.baton.modules.ReservedInterfaces;
import io.baton.modules.spi.Call;
import io.baton.modules.spi.MplpModule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The MPLP {@code extension} module: plugins (MPLP Extension documents) installed, activated and
 * deactivated, and the hub's reserved interfaces with who serves each.
 *
 * <p>{@code install {name, type, version, config}} → {@code {extensionId, name, status: registered,
 * extension}}.
 */
public final class ExtensionModule extends MplpModule {
  static final String TYPE = "extension";
  private static final Set<String> TYPES =
      Set.of("capability", "policy", "integration", "transformation", "validation", "other");
  private static final Pattern SEMVER =
      Pattern.compile("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:[-+].*)?$");

  /** The module, with its operations. */
  public ExtensionModule() {
    super(TYPE, "Plugins and the hub's reserved interfaces.");
    operation(
        "install", "Installs a plugin: name, type, version, config, contextId.", this::install);
    operation("activate", "Activates a plugin: extensionId or name.", c -> status(c, "active"));
    operation(
        "deactivate", "Deactivates a plugin: extensionId or name.", c -> status(c, "inactive"));
    operation(
        "deprecate",
        "Marks a plugin deprecated: extensionId or name.",
        c -> status(c, "deprecated"));
    operation(
        "list",
        "Lists plugins (those with status when given) and the reserved interfaces.",
        this::list);
  }

  @Override
  public List<String> dependencies() {
    return List.of("context");
  }

  private Object install(Call c) {
    String name = c.required("name");
    String type = c.text("type", "capability");
    if (!TYPES.contains(type)) {
      throw c.badInput("type '" + type + "' is not one of " + TYPES);
    }
    String version = c.text("version", "1.0.0");
    if (!SEMVER.matcher(version).matches()) {
      throw c.badInput("version '" + version + "' is not a semantic version such as 1.2.0");
    }
    if (!c.entities().list(TYPE, name, 1).isEmpty()) {
      throw c.badInput("a plugin named '" + name + "' is installed already");
    }
    Object context =
        c.invoke("context", "ensure-context", fields("contextId", c.text("contextId", null)));
    String id = c.newId();
    Map<String, Object> doc = c.document("extension_id", id);
    doc.put("context_id", ((Map<?, ?>) context).get("contextId"));
    doc.put("name", name);
    doc.put("extension_type", type);
    doc.put("version", version);
    doc.put("status", "registered");
    doc.put("config", c.map("config"));
    Call.addEvent(doc, c.event("extension.installed", null));
    Map<String, Object> saved = c.entities().create(TYPE, id, name, doc);
    c.publish("extension.installed", fields("extensionId", id, "name", name));
    return summary(saved);
  }

  private Object status(Call c, String status) {
    Map<String, Object> doc = find(c);
    if ("deprecated".equals(doc.get("status")) && "active".equals(status)) {
      throw c.badInput("plugin '" + doc.get("name") + "' is deprecated and cannot be activated");
    }
    Map<String, Object> updated =
        c.entities()
            .update(
                TYPE,
                (String) doc.get("extension_id"),
                d -> {
                  d.put("status", status);
                  Call.addEvent(d, c.event("extension." + status, null));
                });
    c.publish(
        "extension." + status,
        fields("extensionId", doc.get("extension_id"), "name", doc.get("name")));
    return summary(updated);
  }

  private Object list(Call c) {
    String status = c.text("status", null);
    List<Object> plugins =
        c.entities().list(TYPE, null, 1000).stream()
            .filter(d -> status == null || status.equals(d.get("status")))
            .map(ExtensionModule::summary)
            .map(Object.class::cast)
            .toList();
    List<Object> reserved =
        c.services().reservedInterfaces().stream().map(ExtensionModule::reserved).toList();
    return fields("extensions", plugins, "reservedInterfaces", reserved);
  }

  private static Object reserved(ReservedInterfaces.Status s) {
    return fields(
        "module",
        s.module(),
        "operation",
        s.operation(),
        "capability",
        s.capability(),
        "description",
        s.description(),
        "servedBy",
        s.servedBy());
  }

  private static Map<String, Object> find(Call c) {
    String id = c.text("extensionId", null);
    if (id != null) {
      return c.entities().get(TYPE, id);
    }
    String name = c.required("name");
    List<Map<String, Object>> found = c.entities().list(TYPE, name, 1);
    if (found.isEmpty()) {
      throw c.badInput(
          "no plugin named '" + name + "' is installed; install it with extension.install");
    }
    return found.getFirst();
  }

  private static Map<String, Object> summary(Map<String, Object> doc) {
    return fields(
        "extensionId",
        doc.get("extension_id"),
        "name",
        doc.get("name"),
        "type",
        doc.get("extension_type"),
        "version",
        doc.get("version"),
        "status",
        doc.get("status"),
        "extension",
        doc);
  }
}
