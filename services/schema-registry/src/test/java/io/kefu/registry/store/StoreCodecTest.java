package io.kefu.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import io.kefu.serde.CompatibilityLevel;
import org.junit.jupiter.api.Test;

class StoreCodecTest {
  private final StoreCodec codec = new StoreCodec();

  @Test
  void shouldWriteSchemaRecordsInConfluentsLayout() {
    // Given a schema key and value
    SchemaKey key = new SchemaKey("orders-value", 2);
    SchemaValue value = new SchemaValue("orders-value", 2, 7, "\"string\"", false);

    // When they are written
    String keyJson = new String(codec.writeKey(key), StandardCharsets.UTF_8);
    String valueJson = new String(codec.writeValue(value), StandardCharsets.UTF_8);

    // Then the JSON is Confluent's _schemas layout
    assertThat(keyJson).isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"orders-value\",\"version\":2,\"magic\":1}");
    assertThat(valueJson).isEqualTo(
        "{\"subject\":\"orders-value\",\"version\":2,\"id\":7,\"schema\":\"\\\"string\\\"\",\"deleted\":false}");
  }

  @Test
  void shouldWriteSubjectAndGlobalConfigKeys() {
    assertThat(new String(codec.writeKey(new ConfigKey("s")), StandardCharsets.UTF_8))
        .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":\"s\",\"magic\":0}");
    assertThat(new String(codec.writeKey(ConfigKey.global()), StandardCharsets.UTF_8))
        .isEqualTo("{\"keytype\":\"CONFIG\",\"magic\":0}");
    assertThat(new String(codec.writeValue(new ConfigValue(CompatibilityLevel.FULL_TRANSITIVE)),
        StandardCharsets.UTF_8)).isEqualTo("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");
  }

  @Test
  void shouldReadBackWhatItWrites() {
    // Given written records
    SchemaKey schemaKey = new SchemaKey("a", 1);
    SchemaValue schemaValue = new SchemaValue("a", 1, 3, "{\"type\":\"int\"}", true);
    ConfigKey configKey = ConfigKey.global();
    ConfigValue configValue = new ConfigValue(CompatibilityLevel.NONE);

    // When read back, then they are equal
    assertThat(codec.readKey(codec.writeKey(schemaKey))).contains(schemaKey);
    assertThat(codec.readValue(schemaKey, codec.writeValue(schemaValue))).isEqualTo(schemaValue);
    assertThat(codec.readKey(codec.writeKey(configKey))).contains(configKey);
    assertThat(codec.readValue(configKey, codec.writeValue(configValue))).isEqualTo(configValue);
  }

  @Test
  void shouldSkipKeyTypesItDoesNotUseAndReadTombstonesAsNull() {
    byte[] noop = "{\"keytype\":\"NOOP\",\"magic\":0}".getBytes(StandardCharsets.UTF_8);

    assertThat(codec.readKey(noop)).isEmpty();
    assertThat(codec.readValue(new SchemaKey("a", 1), null)).isNull();
  }

  @Test
  void shouldReadTheSchemaTypeAndDefaultToAvro() {
    assertThat(codec.schemaType("{\"schema\":\"x\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo("AVRO");
    assertThat(codec.schemaType("{\"schemaType\":\"PROTOBUF\"}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("PROTOBUF");
  }

  @Test
  void shouldRefuseMalformedRecordsWithAPreciseMessage() {
    assertThatThrownBy(() -> codec.readKey("not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(StoreFormatException.class).hasMessageStartingWith("registry key is not JSON: not json");
    assertThatThrownBy(() -> codec.readKey("{\"keytype\":\"SCHEMA\",\"subject\":\"a\"}"
        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(StoreFormatException.class)
        .hasMessage("registry key lacks the integer field 'version': {\"keytype\":\"SCHEMA\",\"subject\":\"a\"}");
    assertThatThrownBy(() -> codec.readValue(ConfigKey.global(), "{\"compatibilityLevel\":\"SIDEWAYS\"}"
        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(StoreFormatException.class).hasMessageContaining("SIDEWAYS");
  }
}
