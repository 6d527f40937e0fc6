package io.kefu.registry.store;

import java.util.Objects;

/**
 * Key of one version of a subject.
 *
 * @param subject the subject name
 * @param version the version number, from 1
 */
public record SchemaKey(String subject, int version) implements StoreKey {
  public SchemaKey {
    Objects.requireNonNull(subject, "subject");
    if (version < 1) {
      throw new IllegalArgumentException("schema versions start at 1, was " + version);
    }
  }
}
