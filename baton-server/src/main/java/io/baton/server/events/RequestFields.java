package io.baton.server.events;

import io.baton.server.api.ApiError;
import java.util.Map;

/** Reads the fields of a JSON request body, failing with the field's pointer. */
final class RequestFields {
  private RequestFields() {}

  /** The body's {@code id}: letters, digits, '.', '_' or '-', 1 to 100 of them (400 otherwise). */
  static String id(Map<String, Object> body) {
    String id = text(body, "id", true);
    if (!EventTriggers.ID.matcher(id).matches()) {
      throw ApiError.badField(
          "/id", "invalid-id", "id must be letters, digits, '.', '_' or '-' (1 to 100), was " + id);
    }
    return id;
  }

  /** A string field of the body; null when absent and optional. */
  static String text(Map<String, Object> body, String field, boolean required) {
    return text(body, field, required, "");
  }

  /** A string field of the object at pointer {@code at}; null when absent and optional. */
  static String text(Map<String, Object> body, String field, boolean required, String at) {
    Object value = body == null ? null : body.get(field);
    if (value == null || (value instanceof String s && s.isBlank())) {
      if (required) {
        throw ApiError.badField(at + "/" + field, "missing-field", field + " is required");
      }
      return null;
    }
    if (!(value instanceof String s)) {
      throw ApiError.badField(
          at + "/" + field, "invalid-field", field + " must be a string, was " + value);
    }
    return s;
  }

  /**
   * An integer field of the object at {@code at} between {@code min} and {@code max}, {@code
   * fallback} when absent.
   */
  static int integer(
      Map<String, Object> body, String field, int fallback, int min, int max, String at) {
    Object value = body == null ? null : body.get(field);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Integer i) || i < min || i > max) {
      throw ApiError.badField(
          at + "/" + field,
          "invalid-field",
          field + " must be an integer from " + min + " to " + max + ", was " + value);
    }
    return i;
  }
}
