package io.kefu.registry.http;

import java.util.Locale;

/**
 * Picks the response content type from the Accept header the way Confluent Schema Registry's weighted
 * {@code @Produces} does: the v1 type unless the client asks only for a less specific JSON type.
 */
final class ContentTypes {
  static final String SCHEMA_REGISTRY_V1_JSON = "application/vnd.schemaregistry.v1+json";
  static final String SCHEMA_REGISTRY_DEFAULT_JSON = "application/vnd.schemaregistry+json";
  static final String JSON = "application/json";

  private ContentTypes() {}

  /** The content type to answer a request carrying {@code accept} (null when the header is absent). */
  static String negotiate(String accept) {
    if (accept == null || accept.isBlank()) {
      return SCHEMA_REGISTRY_V1_JSON;
    }
    String a = accept.toLowerCase(Locale.ROOT);
    if (a.contains(SCHEMA_REGISTRY_V1_JSON) || a.contains("*/*") || a.contains("application/*")) {
      return SCHEMA_REGISTRY_V1_JSON;
    }
    if (a.contains(SCHEMA_REGISTRY_DEFAULT_JSON)) {
      return SCHEMA_REGISTRY_DEFAULT_JSON;
    }
    if (a.contains(JSON)) {
      return JSON;
    }
    return SCHEMA_REGISTRY_V1_JSON;
  }
}
