package io.baton.ai.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured providers and which model a call uses when it names none. The offline model is the
 * default only when no real provider is configured: it is never chosen silently in place of a real
 * one.
 */
public final class Providers {
  /** The name the offline model has when no provider of that name is configured. */
  public static final String OFFLINE = "offline";

  private final Map<String, ProviderConfig> byName;
  private final ModelRef defaultModel;

  /**
   * @param providers the configured providers (may be empty)
   * @param defaultModel the model used when a call names none, or null to choose by the rule above
   */
  public Providers(List<ProviderConfig> providers, ModelRef defaultModel) {
    Map<String, ProviderConfig> map = new LinkedHashMap<>();
    for (ProviderConfig p : providers) {
      if (map.put(p.name(), p) != null) {
        throw new IllegalArgumentException("provider '" + p.name() + "' is configured twice");
      }
    }
    map.putIfAbsent(OFFLINE, ProviderConfig.offline(OFFLINE, null));
    this.byName = Map.copyOf(map);
    this.defaultModel = defaultModel;
    if (defaultModel != null) {
      provider(defaultModel);
    }
  }

  /** Only the offline model, answering from {@code script} (or from its input when null). */
  public static Providers offlineOnly(java.nio.file.Path script) {
    return new Providers(List.of(ProviderConfig.offline(OFFLINE, script)), null);
  }

  /**
   * The provider of {@code ref}.
   *
   * @throws IllegalArgumentException naming the configured providers
   */
  public ProviderConfig provider(ModelRef ref) {
    ProviderConfig p = byName.get(ref.provider());
    if (p == null) {
      throw new IllegalArgumentException(
          "model '"
              + ref
              + "' names no configured provider; configured: "
              + String.join(", ", new java.util.TreeSet<>(byName.keySet()))
              + " (add it under providers: in the AI configuration)");
    }
    return p;
  }

  /** The model's name: the reference's, else its provider's configured one. */
  public String modelName(ModelRef ref) {
    if (ref.model() != null) {
      return ref.model();
    }
    ProviderConfig p = provider(ref);
    if (p.model() == null) {
      throw new IllegalArgumentException(
          "model '"
              + ref
              + "' names no model and provider '"
              + p.name()
              + "' has no model: set one");
    }
    return p.model();
  }

  /**
   * The models a call tries in order: {@code primary} (or the default) then {@code fallbacks}.
   *
   * @param who names the caller in errors
   */
  public List<ModelRef> chain(ModelRef primary, List<ModelRef> fallbacks, String who) {
    List<ModelRef> chain = new ArrayList<>();
    chain.add(primary != null ? primary : defaultFor(who));
    chain.addAll(fallbacks);
    chain.forEach(this::provider);
    return chain;
  }

  private ModelRef defaultFor(String who) {
    if (defaultModel != null) {
      return defaultModel;
    }
    List<ProviderConfig> real =
        byName.values().stream().filter(p -> p.kind() != ProviderKind.OFFLINE).toList();
    if (real.isEmpty()) {
      return new ModelRef(OFFLINE, null);
    }
    if (real.size() == 1) {
      return new ModelRef(real.getFirst().name(), null);
    }
    throw new IllegalArgumentException(
        who
            + " names no model and several providers are configured ("
            + String.join(", ", real.stream().map(ProviderConfig::name).sorted().toList())
            + "): set defaultModel in the AI configuration or a model on "
            + who);
  }

  /** Every provider, the offline one included. */
  public Map<String, ProviderConfig> all() {
    return byName;
  }
}
