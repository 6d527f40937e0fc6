package io.kefu.registry;

import static io.kefu.registry.RawHttp.V1;
import static io.kefu.registry.TestSchemas.ORDER_V1;
import static io.kefu.registry.TestSchemas.ORDER_V2;
import static io.kefu.registry.TestSchemas.T1;
import static io.kefu.registry.TestSchemas.T2;
import static io.kefu.registry.TestSchemas.body;
import static io.kefu.registry.TestSchemas.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.kefu.kafka.embedded.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's state survives a restart of both the registry and the broker on the same data directory. */
class EmbeddedSchemaRegistryRestartIntegrationTest {
  @TempDir
  Path dataDirectory;

  private EmbeddedKafkaBroker broker;
  private EmbeddedSchemaRegistry registry;

  @AfterEach
  void stopEverything() {
    if (registry != null) {
      registry.stop();
    }
    if (broker != null) {
      broker.stop();
    }
  }

  private void startBrokerAndRegistry() {
    broker = EmbeddedKafkaBroker.builder().setDataDirectory(dataDirectory).build();
    broker.start();
    // Default options: topic _schemas, replication 3 capped at the single broker.
    registry = new EmbeddedSchemaRegistry(RegistryOptions.builder()
        .setKafkaProperties(broker.clientProperties())
        .build());
    registry.start();
  }

  private void stopBrokerAndRegistry() {
    registry.stop();
    registry = null;
    broker.stop();
    broker = null;
  }

  private static void assertJson(RawHttp.Response response, int status, String body) {
    assertThat(response.status()).as("status of %s", response).isEqualTo(status);
    assertThat(response.contentType()).isEqualTo(V1);
    assertThat(response.body()).isEqualTo(body);
  }

  @Test
  void shouldServeTheSameIdsVersionsAndLevelsAfterTheBrokerAndRegistryRestart() throws Exception {
    // Given schemas under two subjects and levels set, in a registry on a fresh broker
    startBrokerAndRegistry();
    RawHttp before = new RawHttp(registry.url());
    assertJson(before.post("/subjects/orders-value/versions", body(ORDER_V1)), 200, "{\"id\":1}");
    assertJson(before.post("/subjects/orders-value/versions", body(ORDER_V2)), 200, "{\"id\":2}");
    assertJson(before.post("/subjects/t/versions", body(T1)), 200, "{\"id\":3}");
    assertJson(before.post("/subjects/archive-value/versions", body(ORDER_V1)), 200, "{\"id\":1}");
    before.put("/config", "{\"compatibility\":\"FULL\"}");
    before.put("/config/t", "{\"compatibility\":\"NONE\"}");

    // When the registry and the broker stop and start again on the same data directory
    stopBrokerAndRegistry();
    startBrokerAndRegistry();
    RawHttp after = new RawHttp(registry.url());

    // Then the same ids, versions and levels are served
    assertJson(after.get("/subjects"), 200, "[\"archive-value\",\"orders-value\",\"t\"]");
    assertJson(after.get("/subjects/orders-value/versions"), 200, "[1,2]");
    assertJson(after.get("/subjects/orders-value/versions/latest"), 200,
        "{\"subject\":\"orders-value\",\"version\":2,\"id\":2,\"schema\":" + quoted(ORDER_V2) + "}");
    assertJson(after.get("/subjects/archive-value/versions/1"), 200,
        "{\"subject\":\"archive-value\",\"version\":1,\"id\":1,\"schema\":" + quoted(ORDER_V1) + "}");
    assertJson(after.get("/schemas/ids/3"), 200, "{\"schema\":" + quoted(T1) + "}");
    assertJson(after.get("/config"), 200, "{\"compatibilityLevel\":\"FULL\"}");
    assertJson(after.get("/config/t"), 200, "{\"compatibilityLevel\":\"NONE\"}");

    // And new registrations continue the sequences instead of reusing ids or versions
    assertJson(after.post("/subjects/orders-value/versions", body(ORDER_V1)), 200, "{\"id\":1}");
    assertJson(after.post("/subjects/t/versions", body(T2)), 200, "{\"id\":4}");
    assertJson(after.get("/subjects/t/versions"), 200, "[1,2]");
  }

  @Test
  void shouldCreateItsTopicCompactedWithOnePartition() throws Exception {
    // When a registry starts on a fresh broker
    startBrokerAndRegistry();

    // Then _schemas exists with one partition, replication capped at the one broker, and compaction
    try (Admin admin = Admin.create(Map.copyOf(broker.clientProperties()))) {
      TopicDescription topic = admin.describeTopics(List.of("_schemas")).allTopicNames().get(30, TimeUnit.SECONDS)
          .get("_schemas");
      assertThat(topic.partitions()).hasSize(1);
      assertThat(topic.partitions().get(0).replicas()).hasSize(1);
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "_schemas");
      Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
      assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
    }
  }
}
