package io.kefu.kafka.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KefuConfigTest {
  private static final Map<String, Setting> KNOWN = Map.of(
      "bootstrap.servers", new Setting("bootstrap.servers", "localhost:9092", "Kafka."),
      "schema.registry.url", new Setting("schema.registry.url", "http://localhost:8081", "Registry."),
      "schema.auto.register", new Setting("schema.auto.register", "true", "Auto."),
      "reply.batch.max", new Setting("reply.batch.max", "32", "Batch."),
      "feedback.grace", new Setting("feedback.grace", "7d", "Grace."));

  @TempDir Path dir;

  @Test
  void shouldLayerDefaultsFileEnvironmentAndOverridesInThatOrder() throws Exception {
    // Given a file setting two keys, the environment overriding one and a flag overriding another
    Path file = dir.resolve("kefu.properties");
    Files.writeString(file, "reply.batch.max=48\nbootstrap.servers=file:9092\n");
    Map<String, String> env = Map.of("KEFU_BOOTSTRAP_SERVERS", "env:9092", "PATH", "/bin");

    // When
    KefuConfig config = KefuConfig.load(KNOWN, file, env, Map.of("reply.batch.max", "64"));

    // Then
    assertThat(config.get("bootstrap.servers")).isEqualTo("env:9092");
    assertThat(config.origin("bootstrap.servers")).isEqualTo("environment KEFU_BOOTSTRAP_SERVERS");
    assertThat(config.getInt("reply.batch.max")).isEqualTo(64);
    assertThat(config.origin("reply.batch.max")).isEqualTo("command line");
    assertThat(config.get("schema.registry.url")).isEqualTo("http://localhost:8081");
    assertThat(config.origin("schema.registry.url")).isEqualTo("default");
  }

  @Test
  void shouldRejectAnUnknownKeyFromEverySource() throws Exception {
    Path file = dir.resolve("bad.properties");
    Files.writeString(file, "reply.bacth.max=3\n");
    assertThatThrownBy(() -> KefuConfig.load(KNOWN, file, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown setting 'reply.bacth.max' from file");
    assertThatThrownBy(() -> KefuConfig.load(KNOWN, null, Map.of("KEFU_REPLY_BACTH_MAX", "3"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown environment variable KEFU_REPLY_BACTH_MAX");
    assertThatThrownBy(() -> KefuConfig.load(KNOWN, null, Map.of(), Map.of("nope", "1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown setting 'nope' from command line");
  }

  @Test
  void shouldPassKafkaSecuritySettingsThroughToEveryClientWithoutThePrefix() {
    Map<String, String> env = Map.of(
        "KEFU_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
        "KEFU_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
    KefuConfig config = KefuConfig.load(KNOWN, null, env,
        Map.of("kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;"));

    assertThat(config.kafkaClientProperties()).containsEntry("bootstrap.servers", "localhost:9092")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsKey("sasl.jaas.config")
        .hasSize(4);
    assertThat(config.toString()).contains("kafka.sasl.jaas.config=****").doesNotContain("ScramLoginModule");
  }

  @Test
  void shouldNameTheKeyAndOriginWhenAValueIsMalformed() {
    KefuConfig config = KefuConfig.load(KNOWN, null, Map.of("KEFU_REPLY_BATCH_MAX", "many"), Map.of());
    assertThatThrownBy(() -> config.getInt("reply.batch.max"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("setting 'reply.batch.max' must be an integer, was 'many' (from environment KEFU_REPLY_BATCH_MAX)");
  }

  @Test
  void shouldParseDurationsWithUnitsAndIso8601() {
    KefuConfig config = KefuConfig.load(KNOWN, null, Map.of(), Map.of());
    assertThat(config.getDuration("feedback.grace")).isEqualTo(Duration.ofDays(7));
    assertThat(KefuConfig.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(KefuConfig.parseDuration("PT5M")).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void shouldSayWhichFormsADurationTakesWhenTextIsNotOne() {
    assertThatThrownBy(() -> KefuConfig.parseDuration("9m15s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'9m15s' is not a duration: write one number with a unit (500ms, 30s, 5m, 2h, 7d) or ISO-8601"
            + " (PT9M15S)");
    assertThatThrownBy(() -> KefuConfig.parseDuration("P9X"))
        .hasMessageStartingWith("'P9X' is not a duration");
  }

  @Test
  void shouldFindTheCoreSettingsThroughTheServiceLoader() {
    assertThat(KefuConfig.declaredSettings()).containsKeys("bootstrap.servers", "schema.registry.url", "topic.prefix", "data.dir");
  }
}
