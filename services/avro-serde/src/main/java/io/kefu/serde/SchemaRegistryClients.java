package io.kefu.serde;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** Builds the {@link SchemaRegistryClient} a Kafka-style config map asks for. */
public final class SchemaRegistryClients {

  private SchemaRegistryClients() {}

  /**
   * Returns the client instance under {@link KefuAvroSerdeConfig#SCHEMA_REGISTRY_CLIENT} if there is one,
   * otherwise a new {@link RestSchemaRegistryClient} for {@link KefuAvroSerdeConfig#SCHEMA_REGISTRY_URL}.
   *
   * @throws ConfigException naming the key when the map has neither or a value is malformed
   */
  public static SchemaRegistryClient fromConfig(Map<String, ?> configs) {
    Object given = configs.get(KefuAvroSerdeConfig.SCHEMA_REGISTRY_CLIENT);
    if (given != null) {
      if (given instanceof SchemaRegistryClient client) {
        return client;
      }
      throw new ConfigException(KefuAvroSerdeConfig.SCHEMA_REGISTRY_CLIENT, given.getClass().getName(),
          "must be an instance of " + SchemaRegistryClient.class.getName());
    }
    return new RestSchemaRegistryClient(SchemaRegistryClientSettings.fromConfig(configs));
  }

  /** Whether {@link #fromConfig} would hand back a caller-owned instance rather than make a new client. */
  static boolean isProvided(Map<String, ?> configs) {
    return configs.get(KefuAvroSerdeConfig.SCHEMA_REGISTRY_CLIENT) != null;
  }
}
