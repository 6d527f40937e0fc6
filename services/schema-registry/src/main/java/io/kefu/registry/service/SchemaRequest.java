package io.kefu.registry.service;

/**
 * A schema as a client sends it for registration, lookup or a compatibility check.
 *
 * @param schema the schema text; null when the request had none
 * @param schemaType the declared type; null means AVRO
 * @param referenceCount how many schema references the request carried
 */
public record SchemaRequest(String schema, String schemaType, int referenceCount) {
  /** An AVRO schema without references. */
  public static SchemaRequest avro(String schema) {
    return new SchemaRequest(schema, null, 0);
  }
}
