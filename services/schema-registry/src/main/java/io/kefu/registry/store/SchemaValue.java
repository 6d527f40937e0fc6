package io.kefu.registry.store;

import java.util.Objects;

/**
 * One registered version of a subject.
 *
 * @param subject the subject name
 * @param version the version under the subject, from 1
 * @param id the global schema id, from 1
 * @param schema the schema as JSON text (the canonical form the registry serves)
 * @param deleted whether the version was soft-deleted (only a record written by another registry can say so)
 */
public record SchemaValue(String subject, int version, int id, String schema, boolean deleted) implements StoreValue {
  public SchemaValue {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(schema, "schema");
    if (version < 1) {
      throw new IllegalArgumentException("schema versions start at 1, was " + version);
    }
    if (id < 0) {
      throw new IllegalArgumentException("schema ids are not negative, was " + id);
    }
  }
}
