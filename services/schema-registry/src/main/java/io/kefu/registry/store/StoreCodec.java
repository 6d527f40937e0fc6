package io.kefu.registry.store;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kefu.serde.CompatibilityLevel;

/**
 * Writes and reads registry records as JSON in the layout of Confluent Schema Registry's {@code _schemas} topic.
 *
 * <p>Keys: {@code {"keytype":"SCHEMA","subject":"s","version":1,"magic":1}} and
 * {@code {"keytype":"CONFIG","subject":"s","magic":0}} (no subject for the global level). Values:
 * {@code {"subject":"s","version":1,"id":1,"schema":"...","deleted":false}} and
 * {@code {"compatibilityLevel":"FULL"}}. A null value is a tombstone.
 */
public final class StoreCodec {
  static final String SCHEMA_KEY_TYPE = "SCHEMA";
  static final String CONFIG_KEY_TYPE = "CONFIG";

  private final ObjectMapper json = new ObjectMapper();

  /** The key's JSON bytes. */
  public byte[] writeKey(StoreKey key) {
    ObjectNode node = json.createObjectNode();
    if (key instanceof SchemaKey schema) {
      node.put("keytype", SCHEMA_KEY_TYPE).put("subject", schema.subject()).put("version", schema.version())
          .put("magic", 1);
    } else {
      ConfigKey config = (ConfigKey) key;
      node.put("keytype", CONFIG_KEY_TYPE);
      if (!config.isGlobal()) {
        node.put("subject", config.subject());
      }
      node.put("magic", 0);
    }
    return bytes(node);
  }

  /** The value's JSON bytes. */
  public byte[] writeValue(StoreValue value) {
    ObjectNode node = json.createObjectNode();
    if (value instanceof SchemaValue schema) {
      node.put("subject", schema.subject()).put("version", schema.version()).put("id", schema.id())
          .put("schema", schema.schema()).put("deleted", schema.deleted());
    } else {
      node.put("compatibilityLevel", ((ConfigValue) value).compatibilityLevel().name());
    }
    return bytes(node);
  }

  /**
   * Reads a key; empty for key types this registry does not use (Confluent's NOOP, MODE, DELETE_SUBJECT ...).
   *
   * @throws StoreFormatException when the bytes are not a key object with a keytype
   */
  public Optional<StoreKey> readKey(byte[] bytes) {
    JsonNode node = parse(bytes, "key");
    String keyType = node.path("keytype").asText(null);
    if (keyType == null) {
      throw new StoreFormatException("registry key has no keytype: " + node);
    }
    return switch (keyType) {
      case SCHEMA_KEY_TYPE -> Optional.of(new SchemaKey(requiredText(node, "subject", "key"),
          requiredInt(node, "version", "key")));
      case CONFIG_KEY_TYPE -> Optional.of(new ConfigKey(node.hasNonNull("subject") ? node.get("subject").asText()
          : null));
      default -> Optional.empty();
    };
  }

  /**
   * Reads the value stored under {@code key}; null for a tombstone.
   *
   * @throws StoreFormatException when the bytes do not hold the fields {@code key}'s type needs
   */
  public StoreValue readValue(StoreKey key, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    JsonNode node = parse(bytes, "value");
    try {
      if (key instanceof SchemaKey) {
        return new SchemaValue(requiredText(node, "subject", "value"), requiredInt(node, "version", "value"),
            requiredInt(node, "id", "value"), requiredText(node, "schema", "value"),
            node.path("deleted").asBoolean(false));
      }
      return new ConfigValue(CompatibilityLevel.parse(requiredText(node, "compatibilityLevel", "value")));
    } catch (IllegalArgumentException e) {
      throw new StoreFormatException("registry value for " + key + " is invalid: " + e.getMessage(), e);
    }
  }

  /** The schema type a SCHEMA value declares; Confluent omits it for AVRO. */
  public String schemaType(byte[] valueBytes) {
    return parse(valueBytes, "value").path("schemaType").asText("AVRO");
  }

  private JsonNode parse(byte[] bytes, String what) {
    if (bytes == null) {
      throw new StoreFormatException("registry " + what + " is null");
    }
    try {
      JsonNode node = json.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new StoreFormatException("registry " + what + " is not a JSON object: " + excerpt(bytes));
      }
      return node;
    } catch (IOException e) {
      throw new StoreFormatException("registry " + what + " is not JSON: " + excerpt(bytes), e);
    }
  }

  private static String requiredText(JsonNode node, String field, String what) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new StoreFormatException("registry " + what + " lacks the string field '" + field + "': " + node);
    }
    return value.asText();
  }

  private static int requiredInt(JsonNode node, String field, String what) {
    JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new StoreFormatException("registry " + what + " lacks the integer field '" + field + "': " + node);
    }
    return value.asInt();
  }

  private byte[] bytes(JsonNode node) {
    try {
      return json.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write registry record " + node, e);
    }
  }

  private static String excerpt(byte[] bytes) {
    String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
