package io.kefu.registry.service;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Parses schema text for the registry: strictly for submitted schemas (defaults validated), leniently for stored ones.
 *
 * <p>Two schemas are the same when their Avro JSON forms ({@link Schema#toString()}) are equal: whitespace and
 * attribute order do not matter; docs, defaults and aliases do, as in Confluent Schema Registry.
 */
public final class AvroSchemas {
  public static final String AVRO = "AVRO";

  private AvroSchemas() {}

  /**
   * Parses a submitted schema.
   *
   * @throws RegistryError 42201 when the request is empty, not AVRO, uses references, or is not a valid Avro schema
   */
  public static Schema parseSubmitted(SchemaRequest request) {
    if (request.schemaType() != null && !request.schemaType().equals(AVRO)) {
      throw RegistryError.invalidSchema("schema type " + request.schemaType()
          + " is not supported; this registry stores AVRO schemas only");
    }
    if (request.referenceCount() > 0) {
      throw RegistryError.invalidSchema("schema references are not supported by this registry");
    }
    if (request.schema() == null || request.schema().isBlank()) {
      throw RegistryError.invalidSchema("the request has no schema");
    }
    try {
      return new Schema.Parser().setValidateDefaults(true).parse(request.schema());
    } catch (AvroRuntimeException e) {
      throw RegistryError.invalidSchema(e.getMessage());
    } catch (NullPointerException e) {
      // Avro 1.12 fails this way when the top-level type is a name it never saw defined.
      if (String.valueOf(e.getMessage()).contains("UnresolvedSchema")) {
        throw RegistryError.invalidSchema("the schema's type is a name that is not defined");
      }
      throw RegistryError.invalidSchema(e.toString());
    }
  }

  /**
   * Parses a schema read back from the registry topic; defaults are not validated so that schemas registered
   * elsewhere under looser rules still load.
   *
   * @throws SchemaParseException when the text is not a schema at all
   */
  public static Schema parseStored(String text) {
    return new Schema.Parser().setValidateDefaults(false).parse(text);
  }
}
