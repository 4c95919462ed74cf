package io.baton.engine.language.internal;

import java.util.Collection;
import java.util.Locale;

/**
 * Finds the name the user probably meant, for "did you mean" hints. Names are compared ignoring
 * case, {@code -} and {@code _} (so {@code depends_on} suggests {@code dependsOn}), by
 * optimal-string-alignment edit distance (a transposition counts as one edit); failing that, a name
 * that starts with what was written is suggested ({@code module-op} for {@code module-operation}).
 */
public final class NearestName {
  private NearestName() {}

  /**
   * The candidate closest to {@code wrong}, when it is close enough to be a plausible typo;
   * otherwise null.
   *
   * @param wrong what was written
   * @param candidates the valid names, in preference order for ties
   */
  public static String among(String wrong, Collection<String> candidates) {
    if (wrong == null) {
      return null;
    }
    String w = normalize(wrong);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(w, normalize(candidate));
      if (d < bestDistance && !candidate.equals(wrong)) {
        best = candidate;
        bestDistance = d;
      }
    }
    if (best != null && bestDistance <= allowed(w)) {
      return best;
    }
    return abbreviated(w, candidates);
  }

  /**
   * The first candidate that {@code normalized} abbreviates ({@code module-op} for {@code
   * module-operation}).
   */
  private static String abbreviated(String normalized, Collection<String> candidates) {
    if (normalized.length() < 3) {
      return null;
    }
    for (String candidate : candidates) {
      if (normalize(candidate).startsWith(normalized)) {
        return candidate;
      }
    }
    return null;
  }

  /** {@code did you mean "x"?} for the nearest candidate, or null when none is close. */
  public static String hint(String wrong, Collection<String> candidates) {
    String nearest = among(wrong, candidates);
    return nearest == null ? null : "did you mean \"" + nearest + "\"?";
  }

  /**
   * How many edits make a plausible typo: none for one letter (any other letter would do), one for
   * short names, up to a third of longer ones.
   */
  private static int allowed(String normalized) {
    if (normalized.length() < 2) {
      return 0;
    }
    return normalized.length() < 4 ? 1 : Math.max(2, normalized.length() / 3);
  }

  private static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  /**
   * Optimal string alignment distance: insertions, deletions, substitutions, adjacent
   * transpositions.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
