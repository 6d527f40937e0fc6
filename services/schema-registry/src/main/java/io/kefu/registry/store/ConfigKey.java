package io.kefu.registry.store;

/**
 * Key of a compatibility level setting.
 *
 * @param subject the subject the level applies to, or null for the global level
 */
public record ConfigKey(String subject) implements StoreKey {
  /** The key of the global level. */
  public static ConfigKey global() {
    return new ConfigKey(null);
  }

  /** Whether this is the global level's key. */
  public boolean isGlobal() {
    return subject == null;
  }
}
