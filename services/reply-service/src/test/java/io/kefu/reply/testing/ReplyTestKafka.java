package io.kefu.reply.testing;

import static org.awaitility.Awaitility.await;

import io.kefu.contract.CustomerMessage;
import io.kefu.kafka.config.KefuConfig;
import io.kefu.kafka.embedded.EmbeddedKafkaBroker;
import io.kefu.registry.EmbeddedSchemaRegistry;
import io.kefu.registry.RegistryOptions;
import io.kefu.serde.KefuAvroDeserializer;
import io.kefu.serde.KefuAvroSerializer;
import io.kefu.serde.SchemaRegistryClient;
import io.kefu.serde.SchemaRegistryClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What the reply-service integration tests do with a real embedded broker and registry: settings for a service,
 * producing customer messages the way a chat platform does, and reading outputs as a read_committed consumer.
 */
public final class ReplyTestKafka implements AutoCloseable {
  private final EmbeddedKafkaBroker broker;
  private final EmbeddedSchemaRegistry registry;
  private final SchemaRegistryClient registryClient;
  private final KafkaProducer<byte[], byte[]> producer;
  private final Admin admin;

  private ReplyTestKafka(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry) {
    this.broker = broker;
    this.registry = registry;
    this.registryClient = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", registry.url()));
    Map<String, Object> props = new HashMap<>(broker.clientProperties());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    this.producer = new KafkaProducer<>(props);
    this.admin = Admin.create(broker.clientProperties());
  }

  /** Starts a registry (free port, topic replication 1) on {@code broker}. */
  public static ReplyTestKafka start(EmbeddedKafkaBroker broker) {
    EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(RegistryOptions.builder()
        .setBootstrapServers(broker.bootstrapServers()).optPort(0).optTopicReplication((short) 1).build());
    registry.start();
    return new ReplyTestKafka(broker, registry);
  }

  /** Settings for a reply service on topics named with {@code prefix}, free HTTP port, plus {@code overrides}. */
  public KefuConfig config(String prefix, Map<String, String> overrides) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("bootstrap.servers", broker.bootstrapServers());
    all.put("schema.registry.url", registry.url());
    all.put("topic.prefix", prefix);
    all.put("reply.http.port", "0");
    all.put("reply.retry.backoff", "100ms");
    all.putAll(overrides);
    return KefuConfig.load(KefuConfig.declaredSettings(), null, Map.of(), all);
  }

  /** The customer message in the Confluent wire format, as a chat platform writes it. */
  public byte[] serialize(String topic, CustomerMessage message) {
    return new KefuAvroSerializer<CustomerMessage>(registryClient, false).serialize(topic, message);
  }

  /** Sends raw records and waits until every one is acknowledged. */
  public void send(List<ProducerRecord<byte[], byte[]>> records) {
    List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
    records.forEach(r -> acks.add(producer.send(r)));
    producer.flush();
    for (java.util.concurrent.Future<?> ack : acks) {
      try {
        ack.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("test producer could not send: " + e.getCause(), e.getCause());
      }
    }
  }

  /** Sends customer messages keyed by conversationId. */
  public void sendMessages(String topic, List<CustomerMessage> messages) {
    send(messages.stream()
        .map(m -> new ProducerRecord<>(topic, m.getConversationId().getBytes(StandardCharsets.UTF_8),
            serialize(topic, m)))
        .toList());
  }

  /** Reads {@code topic} from the beginning as a read_committed consumer until at least {@code count} records. */
  public List<ConsumerRecord<byte[], byte[]>> readAtLeast(String topic, int count, Duration timeout) {
    try (KafkaConsumer<byte[], byte[]> consumer = readCommittedConsumer()) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      await().atMost(timeout).pollInterval(Duration.ZERO).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records.size() >= count;
      });
      return records;
    }
  }

  /** Reads every committed record of {@code topic}, up to its last stable offset. */
  public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = readCommittedConsumer()) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ZERO).until(() -> {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
      });
      return records;
    }
  }

  /** Waits until {@code group} has committed offsets at the end of every partition of {@code topic}. */
  public void awaitNoLag(String group, String topic, Duration timeout) {
    await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> lag(group, topic) == 0);
  }

  /** Records of {@code topic} not yet covered by {@code group}'s committed offsets. */
  public long lag(String group, String topic) throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
        .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    long lag = 0;
    for (var e : admin.listOffsets(request).all().get().entrySet()) {
      OffsetAndMetadata offset = committed.get(e.getKey());
      lag += e.getValue().offset() - (offset == null ? 0 : offset.offset());
    }
    return lag;
  }

  /** Decodes a record value written in the Confluent wire format. */
  public <T extends SpecificRecord> T decode(Class<T> type, ConsumerRecord<byte[], byte[]> record) {
    return KefuAvroDeserializer.of(type, registryClient).deserialize(record.topic(), record.value());
  }

  private KafkaConsumer<byte[], byte[]> readCommittedConsumer() {
    Map<String, Object> props = new HashMap<>(broker.clientProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return new KafkaConsumer<>(props);
  }

  @Override
  public void close() {
    producer.close();
    admin.close();
    registryClient.close();
    registry.stop();
  }
}
