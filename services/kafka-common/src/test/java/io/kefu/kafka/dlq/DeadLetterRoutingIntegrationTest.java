package io.kefu.kafka.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.contract.Channel;
import io.kefu.contract.CustomerMessage;
import io.kefu.contract.Locale;
import io.kefu.kafka.embedded.EmbeddedKafkaBroker;
import io.kefu.kafka.topic.KefuTopics;
import io.kefu.kafka.topic.TopicAdmin;
import io.kefu.kafka.topic.TopicCatalogue;
import io.kefu.kafka.topic.TopicNames;
import io.kefu.serde.InMemorySchemaRegistryClient;
import io.kefu.serde.KefuAvroDeserializer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A consumer loop built on RecordDecoder and DeadLetterPublisher routes bad bytes to the DLQ and keeps going. */
class DeadLetterRoutingIntegrationTest {
  @TempDir static Path dataDir;
  static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.builder().setDataDirectory(dataDir).build();
    broker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void shouldRouteEachBadRecordToTheDlqWithItsReasonAndProcessTheGoodOnesAroundIt() {
    // Given the topics and a registry holding the CustomerMessage schema
    TopicCatalogue catalogue = TopicCatalogue.load("dlqtest.");
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      new TopicAdmin(admin).ensureTopics(catalogue.all());
    }
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    KefuTopics topics = KefuTopics.create(catalogue, registry, true);
    String source = topics.customerMessages().name();
    byte[] good1 = topics.customerMessages().valueSerde().serializer().serialize(source, message("m1", "hello"));
    byte[] good2 = topics.customerMessages().valueSerde().serializer().serialize(source, message("m2", "where is my order"));
    byte[] wrongMagic = good1.clone();
    wrongMagic[0] = 1;
    byte[] unknownId = good1.clone();
    ByteBuffer.wrap(unknownId).putInt(1, 999);
    byte[] truncated = Arrays.copyOf(good1, 8);

    // When they are produced to one partition in this order
    List<byte[]> values = Arrays.asList(good1, wrongMagic, unknownId, null, truncated, good2);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps())) {
      for (byte[] v : values) {
        producer.send(new ProducerRecord<>(source, 0, "conv-1".getBytes(StandardCharsets.UTF_8), v));
      }
      producer.flush();

      // and a consumer loop decodes them, publishing refusals to the DLQ
      RecordDecoder<CustomerMessage> decoder =
          new RecordDecoder<>(KefuAvroDeserializer.of(CustomerMessage.class, registry), "test");
      DeadLetterPublisher dlq = new DeadLetterPublisher(producer, topics.dlq(TopicNames.CUSTOMER_MESSAGES));
      List<String> processed = new ArrayList<>();
      List<ConsumerRecord<byte[], byte[]>> read = readAll(source, values.size());
      for (ConsumerRecord<byte[], byte[]> record : read) {
        Decoded<CustomerMessage> decoded = decoder.decode(record);
        if (decoded instanceof Decoded.Ok<CustomerMessage> ok) {
          processed.add(ok.value().getMessageId());
        } else if (decoded instanceof Decoded.Refused<CustomerMessage> refused) {
          dlq.publish(record, refused.deadLetter());
        }
      }
      producer.flush();

      // Then the good records were processed and the DLQ holds the bad ones, in order, with their reasons
      assertThat(processed).containsExactly("m1", "m2");
      List<ConsumerRecord<byte[], byte[]>> dead = readAll(dlq.dlqTopic(), 4);
      assertThat(dead).extracting(r -> DeadLetter.header(r.headers(), DlqHeaders.REASON))
          .containsExactly("WRONG_MAGIC_BYTE", "UNKNOWN_SCHEMA_ID", "NULL_VALUE", "TRUNCATED_PAYLOAD");
      assertThat(dead).extracting(r -> DeadLetter.header(r.headers(), DlqHeaders.SOURCE_OFFSET))
          .containsExactly("1", "2", "3", "4");
      assertThat(dead.get(0).value()).isEqualTo(wrongMagic);
      assertThat(dead.get(2).value()).isNull();
      assertThat(new String(dead.get(3).key(), StandardCharsets.UTF_8)).isEqualTo("conv-1");
    }
  }

  private static CustomerMessage message(String id, String text) {
    return CustomerMessage.newBuilder().setMessageId(id).setConversationId("conv-1").setText(text)
        .setLocale(Locale.EN).setChannel(Channel.WEB).setSentAt(Instant.ofEpochMilli(1_700_000_000_000L))
        .build();
  }

  private static Map<String, Object> producerProps() {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return props;
  }

  private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (out.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    assertThat(out).as("records read from " + topic).hasSize(expected);
    out.sort((a, b) -> Long.compare(a.offset(), b.offset()));
    return out;
  }
}
