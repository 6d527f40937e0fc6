package io.kefu.serde;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The configuration keys Kefu's serdes and registry client read from a Kafka-style config map; the names are
 * Confluent's, so existing producer and consumer configs work unchanged.
 */
public final class KefuAvroSerdeConfig {

  /** One or more comma-separated registry base URLs, tried in turn (required unless a client is given). */
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  /** Whether the serializer registers its schema (true, the default) or only looks it up (false). */
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  /** For a deserializer made without a record class: true reads into the generated class named by the writer schema, false (default) into GenericRecord. */
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
  /** {@code URL} (default: user info of the URL, if any) or {@code USER_INFO} (from {@link #BASIC_AUTH_USER_INFO}). */
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  /** {@code user:password} for HTTP basic auth when the source is {@code USER_INFO}. */
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  /** Trust store file for https registry URLs. */
  public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
  /** Trust store password. */
  public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
  /** Trust store type, {@code JKS} (default) or {@code PKCS12}. */
  public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
  /** Milliseconds to wait for a TCP connection to the registry (default 10000). */
  public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
  /** Milliseconds to wait for a registry response (default 30000). */
  public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
  /** A {@link SchemaRegistryClient} instance to use instead of building one from the URL (Kefu-specific; for tests). */
  public static final String SCHEMA_REGISTRY_CLIENT = "kefu.schema.registry.client";

  private KefuAvroSerdeConfig() {}

  /** Reads a boolean key given as a Boolean or as "true"/"false" in any case. */
  static boolean booleanValue(Map<String, ?> configs, String key, boolean defaultValue) {
    Object value = configs.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Boolean bool) {
      return bool;
    }
    String text = value.toString().trim();
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw new ConfigException(key, value, "must be true or false");
  }

  /** Reads a positive integer key given as a Number or a decimal string. */
  static long positiveLong(Map<String, ?> configs, String key, long defaultValue) {
    Object value = configs.get(key);
    if (value == null) {
      return defaultValue;
    }
    long parsed;
    if (value instanceof Number number) {
      parsed = number.longValue();
    } else {
      try {
        parsed = Long.parseLong(value.toString().trim());
      } catch (NumberFormatException e) {
        throw new ConfigException(key, value, "must be a whole number of milliseconds");
      }
    }
    if (parsed <= 0) {
      throw new ConfigException(key, value, "must be positive");
    }
    return parsed;
  }

  /** Reads a string key (a Kafka {@link Password} is unwrapped); null or blank gives null. */
  static String stringValue(Map<String, ?> configs, String key) {
    Object value = configs.get(key);
    if (value == null) {
      return null;
    }
    String text = value instanceof Password password ? password.value() : value.toString();
    return text.isBlank() ? null : text.trim();
  }
}
