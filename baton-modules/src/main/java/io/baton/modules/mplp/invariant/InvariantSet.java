package io.baton.modules.mplp.invariant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The invariants of one MPLP invariant file ({@code invariants.yaml} of a golden flow, or a file of
 * {@code schemas/v2/invariants/}), checked against documents keyed by scope.
 *
 * <pre>{@code
 * InvariantSet set = InvariantSet.read("flow-05", Files.newInputStream(path));
 * List<Violation> broken = set.check(Map.of("context", context, "plan", plan), Presence.REQUIRED);
 * }</pre>
 *
 * <p>Invariants written as prose only (an {@code id} and a {@code description} without {@code path}
 * or {@code rule}, such as the MAP trace-analysis notes) are kept apart in {@link
 * #descriptiveOnly()}: they are not machine-checkable as written.
 */
public final class InvariantSet {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  /** What a missing value means. */
  public enum Presence {
    /** Every path must reach a value (golden flows: the document is complete). */
    REQUIRED,
    /** Rules apply where the value is present (stored entities: optional fields may be absent). */
    WHEN_PRESENT
  }

  private final String name;
  private final List<Invariant> invariants;
  private final List<String> descriptive;

  private InvariantSet(String name, List<Invariant> invariants, List<String> descriptive) {
    this.name = name;
    this.invariants = List.copyOf(invariants);
    this.descriptive = List.copyOf(descriptive);
  }

  /**
   * Reads an invariant file.
   *
   * @param name what the file is, for messages
   * @throws IllegalArgumentException naming the file and invariant when a path or rule is
   *     unreadable
   */
  public static InvariantSet read(String name, InputStream yaml) {
    JsonNode root;
    try (yaml) {
      root = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read invariant file " + name, e);
    }
    List<Invariant> out = new ArrayList<>();
    List<String> prose = new ArrayList<>();
    for (JsonNode n : root.path("invariants")) {
      String id = n.path("id").asString();
      String rule = n.path("rule").asString(null);
      if (rule == null) {
        prose.add(id);
        continue;
      }
      try {
        String path = n.path("path").asString(null);
        out.add(
            new Invariant(
                id,
                n.path("scope").asString(),
                path == null ? null : DocPath.parse(path),
                Rule.parse(rule),
                n.path("description").asString(null)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "invariant '" + id + "' of " + name + ": " + e.getMessage(), e);
      }
    }
    return new InvariantSet(name, out, prose);
  }

  /**
   * Reads an invariant file from the class path, e.g. {@code
   * mplp/v2/invariants/sa-invariants.yaml}.
   */
  public static InvariantSet resource(String path) {
    InputStream in = InvariantSet.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalArgumentException("no invariant file on the class path at " + path);
    }
    return read(path, in);
  }

  /** The invariants of this set that {@code keep} accepts. */
  public InvariantSet only(Predicate<Invariant> keep) {
    return new InvariantSet(name, invariants.stream().filter(keep).toList(), descriptive);
  }

  /** The machine-checkable invariants. */
  public List<Invariant> invariants() {
    return invariants;
  }

  /** The ids of invariants written as prose only, which cannot be checked as written. */
  public List<String> descriptiveOnly() {
    return descriptive;
  }

  /** What the set was read from. */
  public String name() {
    return name;
  }

  /**
   * The violations of the documents of one flow, keyed by scope ({@code context}, {@code plan}, …);
   * empty when every invariant holds. An invariant whose scope has no document is a violation under
   * {@link Presence#REQUIRED} and skipped otherwise.
   */
  public List<Violation> check(Map<String, ?> documents, Presence presence) {
    List<Violation> out = new ArrayList<>();
    for (Invariant inv : invariants) {
      Object doc = documents.get(inv.scope());
      if (doc == null) {
        if (presence == Presence.REQUIRED) {
          out.add(violation(inv, "", "/", "there is no " + inv.scope() + " document to check"));
        }
        continue;
      }
      out.addAll(check(inv, doc, documents, presence));
    }
    return out;
  }

  /** The violations of one invariant on {@code document}; {@code others} resolve {@code eq()}. */
  static List<Violation> check(
      Invariant inv, Object document, Map<String, ?> others, Presence presence) {
    List<Violation> out = new ArrayList<>();
    switch (inv.rule()) {
      case Rule.AnyExists r -> {
        if (r.path().resolve(document).stream().noneMatch(DocPath.Location::present)) {
          out.add(
              violation(inv, r.path().toString(), "/", "expected at least one value, found none"));
        }
      }
      case Rule.NotNull r -> {
        List<DocPath.Location> found =
            r.path().resolve(document).stream().filter(DocPath.Location::present).toList();
        if (found.isEmpty()) {
          out.add(
              violation(inv, r.path().toString(), "/", "expected a value, the path reaches none"));
        }
        found.stream()
            .filter(l -> l.value() == null)
            .forEach(
                l ->
                    out.add(violation(inv, l.path(), l.pointer(), "expected a value, found null")));
      }
      case Rule.EqualTo r -> equal(inv, r, document, others.get(r.scope()), presence, out);
      case Rule.ValueRule r -> {
        for (DocPath.Location l : locations(inv, document)) {
          if (!l.present()) {
            if (presence == Presence.REQUIRED || r instanceof Rule.Exists) {
              out.add(violation(inv, l.path(), l.pointer(), "expected a value, it is missing"));
            }
          } else {
            String failure = r.failure(l.value());
            if (failure != null) {
              out.add(violation(inv, l.path(), l.pointer(), failure));
            }
          }
        }
      }
    }
    return out;
  }

  private static void equal(
      Invariant inv,
      Rule.EqualTo r,
      Object document,
      Object other,
      Presence presence,
      List<Violation> out) {
    if (other == null) {
      if (presence == Presence.REQUIRED) {
        out.add(
            violation(
                inv,
                String.valueOf(inv.path()),
                "/",
                "there is no " + r.scope() + " document to compare with"));
      }
      return;
    }
    Object expected =
        r.path().resolve(other).stream()
            .filter(DocPath.Location::present)
            .map(DocPath.Location::value)
            .findFirst()
            .orElse(null);
    for (DocPath.Location l : locations(inv, document)) {
      if (!l.present() && presence == Presence.WHEN_PRESENT) {
        continue;
      }
      if (!l.present() || !Objects.equals(l.value(), expected)) {
        out.add(
            violation(
                inv,
                l.path(),
                l.pointer(),
                "expected "
                    + Rule.show(expected)
                    + " (the "
                    + r.scope()
                    + "'s "
                    + r.path()
                    + "), found "
                    + (l.present() ? Rule.show(l.value()) : "nothing")));
      }
    }
  }

  private static List<DocPath.Location> locations(Invariant inv, Object document) {
    if (inv.path() == null) {
      throw new IllegalArgumentException(
          "invariant " + inv.id() + " has rule " + inv.rule() + " but no path to apply it to");
    }
    return inv.path().resolve(document);
  }

  private static Violation violation(Invariant inv, String path, String pointer, String message) {
    return new Violation(inv.id(), inv.scope(), path, pointer, message);
  }
}
