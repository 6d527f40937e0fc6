package io.kefu.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import io.kefu.kafka.config.ConfigException;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.serde.CompatibilityLevel;
import org.junit.jupiter.api.Test;

class RegistryOptionsTest {

  private static KefuConfig config(Map<String, String> environment, Map<String, String> overrides) {
    return KefuConfig.load(KefuConfig.declaredSettings(), null, environment, overrides);
  }

  @Test
  void shouldDeclareItsSettingsThroughTheServiceLoader() {
    assertThat(KefuConfig.declaredSettings()).containsKeys(RegistrySettings.PORT, RegistrySettings.TOPIC,
        RegistrySettings.BASIC_AUTH_USER_INFO, RegistrySettings.SSL_KEYSTORE_LOCATION);
  }

  @Test
  void shouldUseTheDocumentedDefaults() {
    RegistryOptions options = RegistryOptions.fromConfig(config(Map.of(), Map.of()));

    assertThat(options.kafkaProperties()).containsEntry("bootstrap.servers", "localhost:9092");
    assertThat(options.host()).isEqualTo("127.0.0.1");
    assertThat(options.port()).isEqualTo(8081);
    assertThat(options.topic()).isEqualTo("_schemas");
    assertThat(options.topicReplication()).isEqualTo((short) 3);
    assertThat(options.defaultLevel()).isEqualTo(CompatibilityLevel.BACKWARD);
    assertThat(options.users().enabled()).isFalse();
    assertThat(options.tls()).isEmpty();
    assertThat(options.writeTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.url(8081)).isEqualTo("http://127.0.0.1:8081");
  }

  @Test
  void shouldReadEnvironmentAndOverrides() {
    RegistryOptions options = RegistryOptions.fromConfig(config(
        Map.of("KEFU_REGISTRY_BASIC_AUTH_USER_INFO", "ops:pw", "KEFU_KAFKA_SECURITY_PROTOCOL", "SASL_SSL"),
        Map.of("registry.port", "0", "registry.topic", "_kefu_schemas", "registry.compatibility.level", "full",
            "bootstrap.servers", "k1:9092", "registry.write.timeout", "5s")));

    assertThat(options.port()).isZero();
    assertThat(options.topic()).isEqualTo("_kefu_schemas");
    assertThat(options.defaultLevel()).isEqualTo(CompatibilityLevel.FULL);
    assertThat(options.users().accepts("ops", "pw")).isTrue();
    assertThat(options.kafkaProperties()).containsEntry("bootstrap.servers", "k1:9092")
        .containsEntry("security.protocol", "SASL_SSL");
    assertThat(options.writeTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void shouldNameTheSettingThatIsWrong() {
    assertThatThrownBy(() -> RegistryOptions.fromConfig(config(Map.of(),
        Map.of("registry.compatibility.level", "SIDEWAYS"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("setting 'registry.compatibility.level': compatibility level must be one of")
        .hasMessageEndingWith("was 'SIDEWAYS' (from command line)");
    assertThatThrownBy(() -> RegistryOptions.fromConfig(config(Map.of(),
        Map.of("registry.ssl.keystore.location", "/nonexistent/registry.p12"))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("setting 'registry.ssl.keystore.location': TLS key store /nonexistent/registry.p12 does not"
            + " exist or cannot be read (from command line)");
  }
}
