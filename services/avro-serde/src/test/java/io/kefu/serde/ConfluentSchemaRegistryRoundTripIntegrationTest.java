package io.kefu.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kefu.contract.CustomerMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Produces and consumes a CustomerMessage through a real Apache Kafka broker with Kefu's serdes talking to a real
 * Confluent Schema Registry; skipped where no Docker engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
class ConfluentSchemaRegistryRoundTripIntegrationTest {

  private static final String TOPIC = "customer-messages";
  private static final Network NETWORK = Network.newNetwork();

  @Container
  private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1")
      .withNetwork(NETWORK)
      .withNetworkAliases("kafka")
      .withListener("kafka:19092");

  @Container
  private static final GenericContainer<?> REGISTRY =
      new GenericContainer<>("confluentinc/cp-schema-registry:7.9.0")
          .withNetwork(NETWORK)
          .withNetworkAliases("schema-registry")
          .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
          .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
          .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
          .withExposedPorts(8081)
          .dependsOn(KAFKA)
          .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(2)));

  private static String registryUrl() {
    return "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081);
  }

  @Test
  void shouldRoundTripACustomerMessageThroughKafkaWithTheIdConfluentSchemaRegistryAssigned() {
    // Given a producer whose value serializer registers with the Confluent registry
    CustomerMessage message = ContractSamples.customerMessage();
    Map<String, Object> producerConfig = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KefuAvroSerializer.class,
        ProducerConfig.ACKS_CONFIG, "all",
        KefuAvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl());

    // When the message is produced and consumed back as raw bytes
    try (KafkaProducer<String, CustomerMessage> producer = new KafkaProducer<>(producerConfig)) {
      producer.send(new ProducerRecord<>(TOPIC, message.getConversationId(), message));
      producer.flush();
    }
    List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "avro-serde-it",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
      consumer.subscribe(List.of(TOPIC));
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        consumer.poll(Duration.ofMillis(500)).forEach(received::add);
        return !received.isEmpty();
      });
    }

    // Then the header carries the id the registry assigned to customer-messages-value
    RestSchemaRegistryClient registry = new RestSchemaRegistryClient(registryUrl());
    SchemaRegistryClient.SubjectVersion latest = registry.version(TOPIC + "-value", -1);
    assertThat(latest.schema()).isEqualTo(CustomerMessage.getClassSchema());
    byte[] value = received.get(0).value();
    assertThat(ConfluentWireFormat.schemaIdOf(value)).isEqualTo(latest.id());

    // And a consumer configured the Confluent way reads the same message back
    try (KefuAvroDeserializer<CustomerMessage> deserializer = new KefuAvroDeserializer<>()) {
      deserializer.configure(Map.of(KefuAvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl(),
          KefuAvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
      assertThat(deserializer.deserialize(TOPIC, value)).isEqualTo(message);
    }
  }
}
