package io.kefu.registry.store;

import java.util.Objects;

import io.kefu.serde.CompatibilityLevel;

/**
 * A compatibility level set globally or for one subject.
 *
 * @param compatibilityLevel the level
 */
public record ConfigValue(CompatibilityLevel compatibilityLevel) implements StoreValue {
  public ConfigValue {
    Objects.requireNonNull(compatibilityLevel, "compatibilityLevel");
  }
}
