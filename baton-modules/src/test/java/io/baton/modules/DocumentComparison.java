package io.baton.modules;

import io.baton.modules.mplp.Mplp;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares the documents a workflow stored with a golden flow's {@code expected/} documents, ids
 * and timestamps aside: an expected UUID matches any UUID, as long as the same expected id always
 * matches the same actual id and the other way round (so references between the documents — a
 * plan's {@code context_id} — are checked); an expected timestamp matches any ISO 8601 timestamp.
 * Every other value is compared exactly, arrays item by item. A field the actual document has and
 * the expected one lacks is a difference unless it is one of {@link #BATON_ADDITIONS} (what Baton
 * records beside the MPLP fields the flow shows) or a documented tolerance of the flow.
 */
final class DocumentComparison {
  /** Fields Baton adds to the documents of the golden flows, by path ({@code [*]}: any item). */
  static final Set<String> BATON_ADDITIONS =
      Set.of(
          "meta.created_by", // who made it: the run and step
          "meta.updated_at", // set by every update
          "created_at", // context: MPLP's optional timestamps
          "updated_at",
          "events", // the MPLP events a module records on its own document
          "root.variables", // context: the shared variables (the blackboard)
          "steps[*].order_index", // plan: the order of the steps
          "segments", // trace: one segment per step of the monitored run
          "root_span.attributes"); // trace: the run, workflow and step that started it

  private static final Pattern UUID =
      Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

  private final Map<String, String> tolerated;
  private final Map<String, String> actualOf = new HashMap<>();
  private final Map<String, String> expectedOf = new HashMap<>();
  private final List<String> differences = new ArrayList<>();

  /**
   * @param tolerated paths ({@code scope.path}, {@code [*]} for any item) where the flow's fixtures
   *     are known to disagree with themselves, each with the reason
   */
  DocumentComparison(Map<String, String> tolerated) {
    this.tolerated = tolerated;
  }

  /** Compares one scope's document; differences accumulate across scopes (ids are shared). */
  DocumentComparison compare(String scope, Object expected, Object actual) {
    walk(scope, "", expected, actual);
    return this;
  }

  /** Every difference found, each as {@code scope.path: what was expected, what was found}. */
  List<String> differences() {
    return List.copyOf(differences);
  }

  private void walk(String scope, String path, Object expected, Object actual) {
    if (isTolerated(scope, path)) {
      return;
    }
    switch (expected) {
      case Map<?, ?> e when actual instanceof Map<?, ?> a -> {
        e.forEach(
            (k, v) -> {
              String p = join(path, String.valueOf(k));
              if (!a.containsKey(k)) {
                differ(scope, p, "missing (expected " + v + ")");
              } else {
                walk(scope, p, v, a.get(k));
              }
            });
        a.forEach(
            (k, v) -> {
              String p = join(path, String.valueOf(k));
              if (!e.containsKey(k)
                  && !BATON_ADDITIONS.contains(generic(p))
                  && !isTolerated(scope, p)) {
                differ(scope, p, "not expected (found " + show(v) + ")");
              }
            });
      }
      case List<?> e when actual instanceof List<?> a -> {
        if (e.size() != a.size()) {
          differ(scope, path, "expected " + e.size() + " items, found " + a.size());
        }
        for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
          walk(scope, path + "[" + i + "]", e.get(i), a.get(i));
        }
      }
      case String e when UUID.matcher(e).matches() -> sameId(scope, path, e, actual);
      case String e when isTime(e) -> {
        if (!(actual instanceof String a) || !isTime(a)) {
          differ(scope, path, "expected a timestamp, found " + actual);
        }
      }
      case null, default -> {
        if (!Objects.equals(expected, actual)) {
          differ(scope, path, "expected " + show(expected) + ", found " + show(actual));
        }
      }
    }
  }

  private void sameId(String scope, String path, String expected, Object actual) {
    if (!Mplp.isId(actual)) {
      differ(scope, path, "expected an id (UUID v4), found " + show(actual));
      return;
    }
    String a = (String) actual;
    String boundActual = actualOf.putIfAbsent(expected, a);
    String boundExpected = expectedOf.putIfAbsent(a, expected);
    if (boundActual != null && !boundActual.equals(a)
        || boundExpected != null && !boundExpected.equals(expected)) {
      differ(
          scope,
          path,
          "ids do not correspond: found "
              + a
              + (boundActual != null && !boundActual.equals(a)
                  ? ", but the expected " + expected + " is " + boundActual + " elsewhere"
                  : ", which stands for the expected "
                      + boundExpected
                      + " elsewhere, not "
                      + expected));
    }
  }

  private void differ(String scope, String path, String what) {
    differences.add(scope + "." + path + ": " + what);
  }

  private boolean isTolerated(String scope, String path) {
    return tolerated.containsKey(scope + "." + path)
        || tolerated.containsKey(scope + "." + generic(path));
  }

  private static String generic(String path) {
    return path.replaceAll("\\[\\d+]", "[*]");
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static boolean isTime(String s) {
    try {
      OffsetDateTime.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String show(Object v) {
    return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
  }
}
