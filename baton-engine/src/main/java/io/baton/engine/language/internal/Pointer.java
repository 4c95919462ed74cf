package io.baton.engine.language.internal;

/** Builds RFC 6901 JSON pointers, the addresses of values in diagnostics. */
public final class Pointer {
  private Pointer() {}

  /** The pointer of member {@code key} of the object at {@code base}. */
  public static String child(String base, String key) {
    return base + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  /** The pointer of element {@code index} of the list at {@code base}. */
  public static String child(String base, int index) {
    return base + "/" + index;
  }

  /** The pointer of the value that holds {@code pointer}, or null for the root. */
  public static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash < 0 ? null : pointer.substring(0, slash);
  }
}
