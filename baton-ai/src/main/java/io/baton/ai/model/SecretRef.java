package io.baton.ai.model;

import java.util.Locale;

/**
 * A reference to a secret: {@code env:NAME} (an environment variable) or {@code secret:NAME} (the
 * secret store). The secret's value is resolved when a provider is built and never printed: {@link
 * #toString()} shows the reference only.
 *
 * @param source {@code env} or {@code secret}
 * @param name the variable's or the secret's name
 */
public record SecretRef(String source, String name) {

  /**
   * Reads {@code env:NAME} or {@code secret:NAME}.
   *
   * @throws IllegalArgumentException for anything else, including a literal key, which must not be
   *     written into configuration files
   */
  public static SecretRef parse(String text) {
    int colon = text.indexOf(':');
    String source = colon < 0 ? "" : text.substring(0, colon).toLowerCase(Locale.ROOT);
    if (colon < 0 || !(source.equals("env") || source.equals("secret"))) {
      throw new IllegalArgumentException(
          "an API key is given as 'env:VARIABLE' or 'secret:NAME', not written in the file; "
              + "found a value of "
              + text.length()
              + " characters");
    }
    return new SecretRef(source, text.substring(colon + 1).strip());
  }

  /** The secret's value from {@code environment} or {@code store}, by the reference's source. */
  public String resolve(SecretSource environment, SecretSource store) {
    SecretSource from = source.equals("env") ? environment : store;
    return from.find(name)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the API key "
                        + this
                        + " is not set: "
                        + (source.equals("env")
                            ? "export the environment variable " + name
                            : "add the secret '" + name + "' to the secret store")));
  }

  @Override
  public String toString() {
    return source + ":" + name;
  }
}
