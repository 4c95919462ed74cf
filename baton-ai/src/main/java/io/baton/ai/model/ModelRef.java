package io.baton.ai.model;

import java.util.Objects;

/**
 * Which model to call: a provider's name and a model of it, written {@code provider/model} or just
 * {@code provider} (its configured model).
 *
 * @param provider the provider's name
 * @param model the model's name, or null for the provider's configured model
 */
public record ModelRef(String provider, String model) {
  public ModelRef {
    Objects.requireNonNull(provider, "provider");
  }

  /** Reads {@code provider/model} or {@code provider}. */
  public static ModelRef parse(String text) {
    int slash = text.indexOf('/');
    return slash < 0
        ? new ModelRef(text.strip(), null)
        : new ModelRef(text.substring(0, slash).strip(), text.substring(slash + 1).strip());
  }

  @Override
  public String toString() {
    return model == null ? provider : provider + "/" + model;
  }
}
