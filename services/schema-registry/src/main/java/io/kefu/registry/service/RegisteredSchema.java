package io.kefu.registry.service;

import org.apache.avro.Schema;

/**
 * One version of a subject as the registry serves it.
 *
 * @param subject the subject
 * @param version the version under the subject
 * @param id the global schema id
 * @param schema the parsed schema; its {@code toString()} is the text served
 */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {
  /** The schema text served in responses: Avro's normalized JSON of the schema. */
  public String schemaText() {
    return schema.toString();
  }
}
