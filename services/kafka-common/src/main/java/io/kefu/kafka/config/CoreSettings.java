package io.kefu.kafka.config;

import java.util.List;

/** Settings every Kefu service shares: where Kafka and the registry are, the topic prefix, the data directory. */
public final class CoreSettings implements SettingsProvider {
  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String SCHEMA_AUTO_REGISTER = "schema.auto.register";
  public static final String TOPIC_PREFIX = "topic.prefix";
  public static final String TOPIC_CREATE = "topic.create";
  public static final String DATA_DIR = "data.dir";
  public static final String HTTP_HOST = "http.host";

  /** Keys under this prefix are handed, without it, to every Kafka client (e.g. {@code kafka.security.protocol}). */
  public static final String KAFKA_PASSTHROUGH_PREFIX = "kafka.";

  /** Keys under this prefix are handed, as they are, to the schema-registry client (e.g. basic auth, TLS). */
  public static final String REGISTRY_PASSTHROUGH_PREFIX = "schema.registry.";

  @Override
  public String group() {
    return "core";
  }

  @Override
  public List<Setting> settings() {
    return List.of(
        new Setting(BOOTSTRAP_SERVERS, "localhost:9092", "Kafka bootstrap servers, comma-separated host:port."),
        new Setting(SCHEMA_REGISTRY_URL, "http://localhost:8081",
            "Schema registry base URL(s), comma-separated; any Confluent-compatible registry."),
        new Setting(SCHEMA_AUTO_REGISTER, "true",
            "Register writer schemas on first use; set false where schemas are registered by a deploy pipeline."),
        new Setting(TOPIC_PREFIX, "", "Prefix put in front of every Kefu topic name, e.g. 'prod.'."),
        new Setting(TOPIC_CREATE, "true", "Create missing topics from infra/topics.json at start."),
        new Setting(DATA_DIR, "./data", "Directory for local state: embedded broker, model store, state stores."),
        new Setting(HTTP_HOST, "127.0.0.1", "Address HTTP endpoints (health, metrics, dashboard, registry) bind to."));
  }
}
