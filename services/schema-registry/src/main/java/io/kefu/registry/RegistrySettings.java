package io.kefu.registry;

import java.util.List;

import io.kefu.kafka.config.Setting;
import io.kefu.kafka.config.SettingsProvider;

/** The settings of the embedded schema registry; the bind address is the shared {@code http.host}. */
public final class RegistrySettings implements SettingsProvider {
  public static final String PORT = "registry.port";
  public static final String TOPIC = "registry.topic";
  public static final String TOPIC_REPLICATION = "registry.topic.replication";
  public static final String COMPATIBILITY_LEVEL = "registry.compatibility.level";
  public static final String BASIC_AUTH_USER_INFO = "registry.basic.auth.user.info";
  public static final String SSL_KEYSTORE_LOCATION = "registry.ssl.keystore.location";
  public static final String SSL_KEYSTORE_PASSWORD = "registry.ssl.keystore.password";
  public static final String SSL_KEYSTORE_TYPE = "registry.ssl.keystore.type";
  public static final String SSL_KEY_PASSWORD = "registry.ssl.key.password";
  public static final String WRITE_TIMEOUT = "registry.write.timeout";
  public static final String INIT_TIMEOUT = "registry.init.timeout";

  @Override
  public String group() {
    return "registry";
  }

  @Override
  public List<Setting> settings() {
    return List.of(
        new Setting(PORT, "8081", "TCP port of the embedded schema registry; 0 picks a free port."),
        new Setting(TOPIC, "_schemas",
            "Compacted single-partition topic in which the embedded registry keeps schemas and compatibility levels."),
        new Setting(TOPIC_REPLICATION, "3",
            "Replication factor of the registry topic when the registry creates it; capped at the number of brokers."),
        new Setting(COMPATIBILITY_LEVEL, "BACKWARD",
            "Global compatibility level until one is set with PUT /config: NONE, BACKWARD, FORWARD, FULL or a"
                + " _TRANSITIVE form."),
        new Setting(BASIC_AUTH_USER_INFO, null,
            "Comma-separated user:password pairs the registry accepts with HTTP basic auth; unset means no"
                + " authentication."),
        new Setting(SSL_KEYSTORE_LOCATION, null,
            "Key store holding the registry's TLS certificate; when set the registry serves https only."),
        new Setting(SSL_KEYSTORE_PASSWORD, null, "Password of the registry's TLS key store."),
        new Setting(SSL_KEYSTORE_TYPE, "PKCS12", "Type of the registry's TLS key store: PKCS12 or JKS."),
        new Setting(SSL_KEY_PASSWORD, null,
            "Password of the private key in the TLS key store; unset means the key store password."),
        new Setting(WRITE_TIMEOUT, "30s",
            "How long a registration or config change may wait for Kafka to store and return it."),
        new Setting(INIT_TIMEOUT, "60s",
            "How long the registry may take at start to create and read its whole topic."));
  }
}
